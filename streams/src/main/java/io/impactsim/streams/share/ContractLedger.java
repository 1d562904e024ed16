package io.impactsim.streams.share;

import io.impactsim.schemas.avro.DealAnnounced;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one entry per contract and turns each report into changes of provider figures, keyed by
 * {@code <segment>|<period>|<provider>}: a contract counts once, its latest report (by event time,
 * then event id) in force. A contract counts in the quarter of its earliest report; once that
 * quarter is over by more than the grace period (in stream time), the quarter's figures no longer
 * change, while the running view always does.
 */
final class ContractLedger implements Processor<String, DealAnnounced, String, ShareFigures> {
  private final String storeName;
  private final long graceMs;
  private ProcessorContext<String, ShareFigures> context;
  private KeyValueStore<String, ContractState> contracts;

  ContractLedger(String storeName, Duration grace) {
    this.storeName = storeName;
    this.graceMs = grace.toMillis();
  }

  @Override
  public void init(ProcessorContext<String, ShareFigures> context) {
    this.context = context;
    this.contracts = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, DealAnnounced> record) {
    DealAnnounced deal = record.value();
    long at = deal.getMeta().getOccurredAt().toEpochMilli();
    String eventId = deal.getMeta().getEventId();
    ContractState old = contracts.get(record.key());
    boolean supersedes = old == null || old.supersededBy(at, eventId);
    ShareFigures running = supersedes ? figuresOf(deal, at) : old.running();
    long firstAt = old == null ? at : Math.min(old.firstAt(), at);
    ShareFigures quarter = quarterFigures(old, running, firstAt);
    ContractState next =
        supersedes
            ? new ContractState(at, eventId, firstAt, running, quarter)
            : new ContractState(old.latestAt(), old.latestEventId(), firstAt, running, quarter);
    contracts.put(record.key(), next);
    emitChange(record, old == null ? null : old.running(), running, at);
    emitChange(record, old == null ? null : old.quarter(), quarter, at);
  }

  private ShareFigures quarterFigures(ContractState old, ShareFigures running, long firstAt) {
    ShareFigures applied = old == null ? null : old.quarter();
    if (applied != null && isClosed(applied.period())) {
      return applied;
    }
    String period = DealTerms.quarterOf(Instant.ofEpochMilli(firstAt));
    return isClosed(period) ? null : running.inPeriod(period);
  }

  private boolean isClosed(String quarter) {
    long end = DealTerms.endOfQuarter(quarter).toEpochMilli();
    return context.currentStreamTimeMs() >= end + graceMs;
  }

  private void emitChange(
      Record<String, DealAnnounced> record, ShareFigures before, ShareFigures after, long at) {
    if (before != null && after != null && before.bucket().equals(after.bucket())) {
      if (!before.sameAs(after)) {
        forward(record, before.negated(at).plus(after));
      }
      return;
    }
    if (before != null) {
      forward(record, before.negated(at));
    }
    if (after != null) {
      forward(record, after);
    }
  }

  private void forward(Record<String, DealAnnounced> record, ShareFigures change) {
    context.forward(record.withKey(change.bucket()).withValue(change));
  }

  /** The figures one report contributes to the running view. */
  static ShareFigures figuresOf(DealAnnounced deal, long at) {
    if (!DealTerms.counts(deal)) {
      return new ShareFigures(
          deal.getSegment(), DealTerms.ALL, ShareFigures.EXCLUDED, "", 0, 0, 0, 1, at);
    }
    long value = deal.getValueUsd();
    String name = deal.getProviderUnit() != null ? deal.getProviderUnit() : deal.getProvider();
    return new ShareFigures(
        deal.getSegment(),
        DealTerms.ALL,
        deal.getProvider(),
        name,
        value,
        DealTerms.annualized(value, deal.getTermMonths()),
        1,
        0,
        at);
  }
}
