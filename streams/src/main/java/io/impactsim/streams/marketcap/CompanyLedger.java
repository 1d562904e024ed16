package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.streams.Inputs;
import io.impactsim.streams.impact.Valuation;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each company's impacts in event-time order, (occurredAt, eventId), whatever order they
 * arrive in. The store holds one entry per (company, event) under a key that sorts in that order,
 * with the running factor and variance just after it. An impact arriving in order costs one lookup.
 * One arriving late changes the entries after it, whose reactions are then priced and forwarded
 * again, so the latest reaction per key and the latest simulated value are the same for every
 * arrival order.
 *
 * <p>Impacts arrive late in bursts: the deal partitions are processed in turns, so the impacts of
 * one partition's batch reach a company's ledger after those of another's batch with later times.
 * Repricing the entries after each late impact would cost the length of the burst for every impact
 * in it, so with a reprice interval a late impact is only stored and the company marked stale from
 * its key; every interval each stale company is repriced once from its earliest stale key. With a
 * zero interval late impacts are repriced at once, so the output depends on the log alone.
 */
final class CompanyLedger implements Processor<String, MarketCapReaction, String, SpecificRecord> {
  /** Repricing that took t waits at least this times t before the next: a tenth of the time. */
  private static final long REPRICE_BUDGET_FACTOR = 9;

  private final String storeName;
  private final String staleStoreName;
  private final MarketCapPricing pricing;
  private final Duration repriceInterval;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, LedgerEntry> ledger;
  private KeyValueStore<String, String> stale;
  private ProfileDirectory companies;
  private long nextRepriceNanos;

  CompanyLedger(
      String storeName, String staleStoreName, MarketCapPricing pricing, Duration repriceInterval) {
    this.storeName = storeName;
    this.staleStoreName = staleStoreName;
    this.pricing = pricing;
    this.repriceInterval = repriceInterval;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.ledger = context.getStateStore(storeName);
    this.stale = context.getStateStore(staleStoreName);
    this.companies = new ProfileDirectory(context.getStateStore(Inputs.COMPANY_PROFILES_STORE));
    // Also run when the interval is zero: stale companies left by a run with an interval are
    // repriced after a restart without one.
    context.schedule(
        repriceInterval.isZero() ? Duration.ofSeconds(1) : repriceInterval,
        PunctuationType.WALL_CLOCK_TIME,
        now -> repriceStale());
  }

  @Override
  public void process(Record<String, MarketCapReaction> record) {
    MarketCapReaction impact = record.value();
    String company = impact.getCompany();
    String key = LedgerKeys.of(impact);
    LedgerEntry existing = ledger.get(key);
    if (existing != null && Reactions.sameImpact(existing.impact(), impact)) {
      return;
    }
    String staleFrom = stale.get(company);
    if (staleFrom != null || (!repriceInterval.isZero() && hasSuccessor(company, key))) {
      ledger.put(key, LedgerEntry.unpriced(impact));
      if (staleFrom == null || key.compareTo(staleFrom) < 0) {
        stale.put(company, key);
      }
      return;
    }
    List<MarketCapReaction> toApply = new ArrayList<>();
    toApply.add(impact);
    toApply.addAll(successors(company, key));
    reprice(company, predecessor(company, key), toApply);
  }

  /**
   * Reprices every stale company from its earliest stale key. While one partition's batches run far
   * ahead of another's, a stale company's entries after its first late impact can be many, and late
   * impacts keep coming; repricing is then put off so that it takes at most about a tenth of the
   * time, and the company's views wait longer instead of the processing slowing down.
   */
  private void repriceStale() {
    long start = System.nanoTime();
    if (start - nextRepriceNanos < 0) {
      return;
    }
    List<KeyValue<String, String>> due = new ArrayList<>();
    try (KeyValueIterator<String, String> all = stale.all()) {
      all.forEachRemaining(due::add);
    }
    for (KeyValue<String, String> company : due) {
      List<MarketCapReaction> toApply = new ArrayList<>();
      try (KeyValueIterator<String, LedgerEntry> it =
          ledger.range(company.value, LedgerKeys.last(company.key))) {
        it.forEachRemaining(e -> toApply.add(e.value.impact()));
      }
      reprice(company.key, predecessor(company.key, company.value), toApply);
      stale.delete(company.key);
    }
    long end = System.nanoTime();
    nextRepriceNanos = end + REPRICE_BUDGET_FACTOR * (end - start);
  }

  /**
   * Applies the impacts in order after {@code previous}, forwarding each reaction and the value.
   */
  private void reprice(String company, LedgerEntry previous, List<MarketCapReaction> toApply) {
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

  /** Whether the company has an entry after the key; looks at keys only. */
  private boolean hasSuccessor(String company, String key) {
    try (KeyValueIterator<String, LedgerEntry> it = ledger.range(key, LedgerKeys.last(company))) {
      while (it.hasNext()) {
        if (!it.peekNextKey().equals(key)) {
          return true;
        }
        it.next();
      }
      return false;
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
