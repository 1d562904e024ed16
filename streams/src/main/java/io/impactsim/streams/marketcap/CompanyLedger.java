package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.streams.Inputs;
import io.impactsim.streams.impact.Valuation;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each company's impacts in event-time order, (occurredAt, eventId), whatever order they
 * arrive in. The store holds one entry per (company, event) under a key that sorts in that order,
 * with the running factor and variance just after it. An impact arriving in order costs one lookup;
 * one arriving late rewrites the entries after it and forwards their reactions again, so the latest
 * reaction per key and the latest simulated value are the same for every arrival order.
 */
final class CompanyLedger implements Processor<String, MarketCapReaction, String, SpecificRecord> {
  private final String storeName;
  private final MarketCapPricing pricing;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, LedgerEntry> ledger;
  private ProfileDirectory companies;

  CompanyLedger(String storeName, MarketCapPricing pricing) {
    this.storeName = storeName;
    this.pricing = pricing;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.ledger = context.getStateStore(storeName);
    this.companies = new ProfileDirectory(context.getStateStore(Inputs.COMPANY_PROFILES_STORE));
  }

  @Override
  public void process(Record<String, MarketCapReaction> record) {
    MarketCapReaction impact = record.value();
    String company = impact.getCompany();
    String key = LedgerKeys.of(company, impact.getOccurredAt().toEpochMilli(), impact.getEventId());
    LedgerEntry existing = ledger.get(key);
    if (existing != null && Reactions.sameImpact(existing.impact(), impact)) {
      return;
    }
    LedgerEntry previous = predecessor(company, key);
    List<MarketCapReaction> toApply = new ArrayList<>();
    toApply.add(impact);
    toApply.addAll(successors(company, key));
    Optional<CompanyProfile> profile = companies.find(company);
    Optional<Valuation> reference = profile.flatMap(Valuation::of);
    long compoundsFrom = profile.map(CompanyLedger::dayAfterReference).orElse(Long.MIN_VALUE);
    LedgerEntry last = previous;
    for (MarketCapReaction next : toApply) {
      LedgerEntry entry = pricing.apply(last, next, compoundsFrom);
      ledger.put(LedgerKeys.of(next), entry);
      reference.ifPresent(v -> emitReaction(v, entry));
      last = entry;
    }
    LedgerEntry latest = last;
    reference.ifPresent(v -> emitValue(company, v, latest));
  }

  // The reference value is a close on the reference date, so it already holds that day's events.
  private static long dayAfterReference(CompanyProfile profile) {
    return profile
        .getReferenceDate()
        .plusDays(1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant()
        .toEpochMilli();
  }

  private LedgerEntry predecessor(String company, String key) {
    try (KeyValueIterator<String, LedgerEntry> before =
        ledger.reverseRange(LedgerKeys.first(company), key)) {
      while (before.hasNext()) {
        KeyValue<String, LedgerEntry> e = before.next();
        if (!e.key.equals(key)) {
          return e.value;
        }
      }
      return null;
    }
  }

  private List<MarketCapReaction> successors(String company, String key) {
    List<MarketCapReaction> after = new ArrayList<>();
    try (KeyValueIterator<String, LedgerEntry> it = ledger.range(key, LedgerKeys.last(company))) {
      while (it.hasNext()) {
        KeyValue<String, LedgerEntry> e = it.next();
        if (!e.key.equals(key)) {
          after.add(e.value.impact());
        }
      }
    }
    return after;
  }

  private void emitReaction(Valuation reference, LedgerEntry entry) {
    MarketCapReaction reaction = pricing.reaction(reference, entry);
    context.forward(
        new Record<>(Reactions.key(reaction), reaction, reaction.getOccurredAt().toEpochMilli()));
  }

  private void emitValue(String company, Valuation reference, LedgerEntry latest) {
    SimulatedMarketCap value = pricing.value(company, reference, latest);
    context.forward(new Record<>(company, value, value.getAsOf().toEpochMilli()));
  }
}
