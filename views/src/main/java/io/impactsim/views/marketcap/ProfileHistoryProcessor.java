package io.impactsim.views.marketcap;

import io.impactsim.model.ProfileBook;
import io.impactsim.model.ProfileHistory;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.views.input.Validation;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global store of profile histories and the application's {@link ProfileBook} in step
 * with the companies topic. Kafka Streams replays the topic through this processor when it restores
 * the store, and {@link #init} reads back what a checkpointed store already holds, so the book is
 * complete before any stream thread processes an event.
 */
public final class ProfileHistoryProcessor
    implements Processor<String, CompanyProfile, Void, Void> {
  private final String storeName;
  private final ProfileBook book;
  private KeyValueStore<String, ProfileHistory> store;

  public ProfileHistoryProcessor(String storeName, ProfileBook book) {
    this.storeName = storeName;
    this.book = book;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
    try (KeyValueIterator<String, ProfileHistory> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, ProfileHistory> next = all.next();
        book.put(next.key, next.value);
      }
    }
  }

  @Override
  public void process(Record<String, CompanyProfile> record) {
    CompanyProfile profile = record.value();
    if (profile == null) {
      return;
    }
    if (Validation.profile(record.key(), profile).isPresent()) {
      // An id or figure the producer would refuse must not reach the profile book (two undecodable
      // ids would become one company). The profile gate dead-letters the record once.
      return;
    }
    ProfileHistory old = store.get(profile.getId());
    ProfileHistory next = (old == null ? ProfileHistory.empty() : old).with(profile);
    // The book first: whoever sees the company in the store finds it in the book too.
    book.put(profile.getId(), next);
    store.put(profile.getId(), next);
  }
}
