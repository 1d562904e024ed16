package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.streams.input.Validation;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global store of profile histories and the application's {@link ProfileBook} in step
 * with the companies topic. Kafka Streams replays the topic through this processor when it restores
 * the store, and {@link #init} reads back what a checkpointed store already holds, so the book is
 * complete before any stream thread processes an event.
 */
public final class ProfileHistoryProcessor
    implements Processor<String, CompanyProfile, Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileHistoryProcessor.class);

  private final String storeName;
  private final ProfileBook book;
  private KeyValueStore<String, ProfileHistory> store;
  private long mismatchedKeys;
  private long invalidProfiles;

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
    if (!profile.getId().equals(record.key())) {
      // A profile filed under another company's key would change the wrong history.
      if (mismatchedKeys++ == 0) {
        LOG.warn(
            "Skipping company profiles whose key is not their id (first: key '{}', id '{}');"
                + " publish profiles keyed by their id",
            record.key(),
            profile.getId());
      }
      return;
    }
    var invalid = Validation.company(profile);
    if (invalid.isPresent()) {
      // The global thread has no producer to dead-letter with; an id or figure the producer would
      // refuse must not reach the profile book (two undecodable ids would become one company).
      if (invalidProfiles++ == 0) {
        LOG.warn(
            "Skipping invalid company profiles (first: key '{}': {})", record.key(), invalid.get());
      }
      return;
    }
    ProfileHistory old = store.get(profile.getId());
    ProfileHistory next = (old == null ? ProfileHistory.empty() : old).with(profile);
    // The book first: whoever sees the company in the store finds it in the book too.
    book.put(profile.getId(), next);
    store.put(profile.getId(), next);
  }
}
