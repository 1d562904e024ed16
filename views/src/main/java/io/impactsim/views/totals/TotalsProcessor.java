package io.impactsim.views.totals;

import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.keys.CompositeKey;
import io.impactsim.views.capex.CapexViews;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds the changes the events send to the totals of their target and publishes what changed: a
 * company's simulated value and capex view, or a segment's market-share snapshot. Additions
 * commute, so the totals (and the latest record of every view key) are the same whatever order the
 * event tasks' changes arrive in.
 */
public final class TotalsProcessor
    implements Processor<String, TargetDelta, String, SpecificRecord> {
  private final String storeName;
  private final double bandZ;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, TargetDelta> totals;

  public TotalsProcessor(String storeName, double bandZ) {
    this.storeName = storeName;
    this.bandZ = bandZ;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.totals = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, TargetDelta> record) {
    TargetDelta change = record.value();
    TargetDelta old = totals.get(record.key());
    TargetDelta total = (old == null ? new TargetDelta() : old).add(change);
    if (total.value != null) {
      total.value.prune();
    }
    if (total.capex != null) {
      total.capex.compact();
    }
    totals.put(record.key(), total);
    Target target = Target.of(record.key());
    if (target instanceof Target.Company c) {
      if (change.value != null) {
        total
            .value
            .value(c.id(), bandZ)
            .ifPresent(v -> emit(c.id(), v, v.getAsOf().toEpochMilli()));
      }
      if (change.capex != null) {
        var capex = CapexViews.of(c.id(), total.capex);
        emit(c.id(), capex, capex.getAsOf().toEpochMilli());
      }
    } else if (target instanceof Target.Segment s) {
      MarketShareSnapshot snapshot = total.share.snapshot(s.segment(), s.period());
      emit(CompositeKey.of(s.segment(), s.period()), snapshot, snapshot.getAsOf().toEpochMilli());
    }
  }

  private void emit(String key, SpecificRecord view, long timestamp) {
    context.forward(new Record<>(key, view, Math.max(0, timestamp)));
  }
}
