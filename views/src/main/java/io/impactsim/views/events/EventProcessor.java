package io.impactsim.views.events;

import io.impactsim.model.ImpactModel;
import io.impactsim.model.ProfileBook;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.views.marketcap.Reactions;
import io.impactsim.views.totals.Target;
import io.impactsim.views.totals.TargetDelta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The one pass over the input events that every view shares: each event is priced where it is
 * processed (its reactions record goes out at once) and its changes to the companies' values, their
 * capex and the segments' shares are added to this task's pending sums, which are sent on to the
 * totals every flush interval (and when many targets are pending). One store per entity and one
 * repartition topic for all views keep the writes per event few.
 *
 * <p>An event is applied whole or not at all: its outputs are collected first and released only
 * after its handler has finished, whose last step writes the entity's state. A handler that fails
 * (say, the model on a pathological event) has changed nothing, so the input record can go to the
 * dead-letter topic without leaving any view half updated.
 */
public final class EventProcessor
    implements Processor<String, SpecificRecord, String, Object>, Outputs {
  /** Pending targets that make a task send its sums before the interval is up. */
  static final int MAX_PENDING = 10_000;

  private final EventStores stores;
  private final ImpactModel model;
  private final ProfileBook book;
  private final Duration flushInterval;
  private ProcessorContext<String, Object> context;
  private PendingChanges pending;
  private final List<EventReactions> heldReactions = new ArrayList<>();
  private final List<Map.Entry<Target, TargetDelta>> heldChanges = new ArrayList<>();
  private DealHandler deals;
  private EarningsHandler earnings;
  private RestructuringHandler restructurings;
  private EventMetrics metrics;

  public EventProcessor(
      EventStores stores, ImpactModel model, ProfileBook book, Duration flushInterval) {
    this.stores = stores;
    this.model = model;
    this.book = book;
    this.flushInterval = flushInterval;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    Reactions reactions = new Reactions(model.config().bandZ(), model.version());
    pending = new PendingChanges(context.getStateStore(stores.pending()));
    deals =
        new DealHandler(context.getStateStore(stores.contracts()), model, reactions, book, this);
    earnings =
        new EarningsHandler(context.getStateStore(stores.earnings()), model, reactions, book, this);
    restructurings =
        new RestructuringHandler(
            context.getStateStore(stores.restructurings()), model, reactions, book, this);
    metrics = new EventMetrics(context);
    context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    SpecificRecord value = record.value();
    heldReactions.clear();
    heldChanges.clear();
    boolean applied = false;
    if (value instanceof DealAnnounced deal) {
      applied = deals.apply(record.key(), deal);
    } else if (value instanceof EarningsReported report) {
      applied = earnings.apply(record.key(), report);
    } else if (value instanceof RestructuringAnnounced event) {
      applied = restructurings.apply(event);
    }
    (applied ? metrics.events : metrics.skipped).record();
    if (heldReactions.size() > 1) {
      metrics.repriced.record(heldReactions.size() - 1);
    }
    for (EventReactions r : heldReactions) {
      context.forward(new Record<>(r.getEventId(), r, r.getOccurredAt().toEpochMilli()));
    }
    // One write per target and event, however many of the event's changes it takes.
    Map<String, Map.Entry<Target, TargetDelta>> byTarget = new LinkedHashMap<>();
    for (Map.Entry<Target, TargetDelta> c : heldChanges) {
      Map.Entry<Target, TargetDelta> seen = byTarget.putIfAbsent(c.getKey().key(), c);
      if (seen != null) {
        byTarget.put(
            c.getKey().key(),
            Map.entry(c.getKey(), new TargetDelta().add(seen.getValue()).add(c.getValue())));
      }
    }
    byTarget.values().forEach(c -> pending.add(c.getKey(), c.getValue()));
    if (pending.size() >= MAX_PENDING) {
      flush();
    }
  }

  @Override
  public void reactions(EventReactions r) {
    heldReactions.add(r);
  }

  @Override
  public void change(Target target, TargetDelta change) {
    heldChanges.add(Map.entry(target, change));
  }

  private void flush() {
    long at = Math.max(0, context.currentStreamTimeMs());
    metrics.changesSent.record(pending.size());
    pending.flush((key, sum) -> context.forward(new Record<>(key, sum, at)));
  }

  @Override
  public void close() {
    metrics.close();
  }
}
