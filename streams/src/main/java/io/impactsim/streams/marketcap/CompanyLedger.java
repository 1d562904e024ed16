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
 * with the running factor and variance just after it, so the latest reaction per key and the latest
 * simulated value are the same for every arrival order.
 *
 * <p>Kafka Streams processes the event tasks' batches in turns, so the impacts of one task's batch
 * reach a company's ledger after later ones of another task's. Pricing each on arrival would price
 * the later ones again after every such burst. With a reprice interval, impacts are therefore
 * stored unpriced and the company marked stale from its earliest unpriced key; the event tasks send
 * watermarks ({@link WatermarkEmitter}), and the ledger prices each stale company's entries up to
 * the lowest watermark of the sources that are not idle. An impact older than that watermark still
 * arrives now and then (records of one task's partitions out of time order, a source back from
 * idle); it makes its company stale from its key, and the entries after it are priced again.
 *
 * <p>With a zero interval impacts are priced on arrival and a late one reprices the entries after
 * it at once, so the output depends on the log alone (replays use this).
 */
final class CompanyLedger implements Processor<String, LedgerInput, String, SpecificRecord> {
  /**
   * The longest a pricing pass runs before it leaves the rest to the next one, so that a large
   * backlog (a long catch-up, a restart) is priced in slices, between which the application reads
   * input and commits; one pass over a whole backlog outlasted the transaction timeout and the
   * application was fenced over and over.
   */
  static final Duration PASS_TIME = Duration.ofMillis(200);

  /** The most entries of one company a pass prices before moving on. */
  static final int PASS_ENTRIES_PER_COMPANY = 5_000;

  /** How often a pass runs while pricing is due, with a reprice interval. */
  private static final Duration TICK = Duration.ofMillis(10);

  private final String storeName;
  private final String staleStoreName;
  private final String watermarksStoreName;
  private final MarketCapPricing pricing;
  private final Duration repriceInterval;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, LedgerEntry> ledger;
  private KeyValueStore<String, String> stale;
  private KeyValueStore<String, Long> watermarks;
  private ProfileDirectory companies;
  private LedgerMetrics metrics;
  private long pricedUpTo = Long.MIN_VALUE;
  private boolean due = true;

  CompanyLedger(
      String storeName,
      String staleStoreName,
      String watermarksStoreName,
      MarketCapPricing pricing,
      Duration repriceInterval) {
    this.storeName = storeName;
    this.staleStoreName = staleStoreName;
    this.watermarksStoreName = watermarksStoreName;
    this.pricing = pricing;
    this.repriceInterval = repriceInterval;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.ledger = context.getStateStore(storeName);
    this.stale = context.getStateStore(staleStoreName);
    this.watermarks = context.getStateStore(watermarksStoreName);
    this.companies =
        new ProfileDirectory(
            context.getStateStore(Inputs.COMPANY_PROFILES_STORE), new SegmentIndex());
    this.metrics = new LedgerMetrics(context);
    // Also run when the interval is zero: stale companies left by a run with an interval are
    // repriced after a restart without one.
    Duration tick = repriceInterval.isZero() ? Duration.ofSeconds(1) : min(TICK, repriceInterval);
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, now -> priceDue());
  }

  @Override
  public void process(Record<String, LedgerInput> record) {
    if (record.value() instanceof LedgerInput.Watermark w) {
      watermarks.put(Integer.toString(w.source()), w.bound());
      if (watermark() > pricedUpTo) {
        due = true;
        priceDue();
      }
    } else if (record.value() instanceof LedgerInput.Impact impact) {
      apply(impact.reaction());
    }
  }

  private void apply(MarketCapReaction impact) {
    String company = impact.getCompany();
    String key = LedgerKeys.of(impact);
    LedgerEntry existing = ledger.get(key);
    if (existing != null && Reactions.sameImpact(existing.impact(), impact)) {
      return;
    }
    String staleFrom = stale.get(company);
    if (staleFrom != null || !repriceInterval.isZero()) {
      ledger.put(key, LedgerEntry.unpriced(impact));
      if (staleFrom == null || key.compareTo(staleFrom) < 0) {
        stale.put(company, key);
      }
      // Behind what was priced already: priced at the next tick rather than the next watermark.
      boolean late = impact.getOccurredAt().toEpochMilli() <= pricedUpTo;
      metrics.impact(late);
      due |= late;
      return;
    }
    List<MarketCapReaction> toApply = new ArrayList<>();
    toApply.add(impact);
    toApply.addAll(successors(company, key));
    metrics.impact(toApply.size() > 1);
    reprice(company, predecessor(company, key), toApply);
  }

  /**
   * The time up to which every source has sent its impacts: the lowest watermark of the sources
   * that are not idle. Without any watermark (a zero interval, or none arrived yet since the first
   * start) nothing waits for one once the interval is zero, and everything waits otherwise.
   */
  private long watermark() {
    if (repriceInterval.isZero()) {
      return Long.MAX_VALUE;
    }
    long lowest = Long.MAX_VALUE;
    boolean any = false;
    try (KeyValueIterator<String, Long> all = watermarks.all()) {
      while (all.hasNext()) {
        lowest = Math.min(lowest, all.next().value);
        any = true;
      }
    }
    return any ? lowest : Long.MIN_VALUE;
  }

  /**
   * Prices the stale companies from their earliest stale key up to the watermark, in slices of at
   * most {@link #PASS_TIME} and {@link #PASS_ENTRIES_PER_COMPANY} entries a company; a company's
   * entries after the watermark or the slice wait, and it stays stale from the first of them. Runs
   * on a watermark that raises the time priced up to, and every tick while pricing is due: after an
   * impact behind that time, after a slice that left work, and once after a start.
   */
  private void priceDue() {
    if (!due) {
      return;
    }
    long upTo = watermark();
    if (upTo == Long.MIN_VALUE) {
      return;
    }
    metrics.pass();
    long deadline = System.nanoTime() + PASS_TIME.toNanos();
    List<KeyValue<String, String>> staleFrom = new ArrayList<>();
    try (KeyValueIterator<String, String> all = stale.all()) {
      all.forEachRemaining(staleFrom::add);
    }
    boolean finished = true;
    for (KeyValue<String, String> company : staleFrom) {
      if (LedgerKeys.timeOf(company.key, company.value) > upTo) {
        continue;
      }
      if (System.nanoTime() - deadline > 0) {
        finished = false;
        break;
      }
      List<MarketCapReaction> toApply = new ArrayList<>();
      String next = null;
      String bound = LedgerKeys.last(company.key);
      try (KeyValueIterator<String, LedgerEntry> it = ledger.range(company.value, bound)) {
        while (it.hasNext()) {
          KeyValue<String, LedgerEntry> e = it.next();
          boolean later = e.value.impact().getOccurredAt().toEpochMilli() > upTo;
          if (later || toApply.size() == PASS_ENTRIES_PER_COMPANY) {
            next = e.key;
            finished &= later;
            break;
          }
          toApply.add(e.value.impact());
        }
      }
      reprice(company.key, predecessor(company.key, company.value), toApply);
      if (next == null) {
        stale.delete(company.key);
      } else {
        stale.put(company.key, next);
      }
    }
    if (finished) {
      pricedUpTo = upTo;
      due = false;
    }
  }

  @Override
  public void close() {
    metrics.close();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Applies the impacts in order after {@code previous}, forwarding each reaction and the value.
   */
  private void reprice(String company, LedgerEntry previous, List<MarketCapReaction> toApply) {
    Optional<CompanyProfile> profile = companies.find(company);
    Optional<Valuation> reference = profile.flatMap(Valuation::of);
    long compoundsFrom = profile.map(CompanyLedger::dayAfterReference).orElse(Long.MIN_VALUE);
    metrics.priced(toApply.size());
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
