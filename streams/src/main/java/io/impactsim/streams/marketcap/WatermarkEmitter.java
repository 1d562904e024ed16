package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.streams.InputLag;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Passes the impacts of one event task on to the ledgers and, every interval of wall-clock time,
 * tells every ledger how far the task has got: its stream time, or that it is idle. Kafka Streams
 * processes the tasks' batches in turns and the consumer fetches their partitions unevenly, so
 * without this the impacts of one task reach a ledger after later ones of another and would be
 * priced twice. With a zero interval nothing is sent and the ledgers price on arrival.
 *
 * <p>A task is idle when its stream time did not advance over the interval and its consumer has
 * fetched its partitions to their end: it holds no ledger back until it reports a time again. A
 * task that is only waiting for its turn or for a fetch is not idle, unless its stream time stood
 * still for {@value #IDLE_AFTER_INTERVALS} intervals: whatever holds it up, the ledgers then price
 * without it, and any impact it sends later is repriced as a late one.
 */
final class WatermarkEmitter implements Processor<String, MarketCapReaction, String, LedgerInput> {
  /** The key of watermark records; the partitioner sends them to every partition. */
  static final String KEY = "";

  /** Intervals without progress after which a task counts as idle even with records to read. */
  static final int IDLE_AFTER_INTERVALS = 50;

  private final Duration interval;
  private final InputLag inputLag;
  private final List<String> topics;
  private ProcessorContext<String, LedgerInput> context;
  private LedgerInput.Watermark last;
  private int standingStill;

  WatermarkEmitter(Duration interval, InputLag inputLag, List<String> topics) {
    this.interval = interval;
    this.inputLag = inputLag;
    this.topics = List.copyOf(topics);
  }

  @Override
  public void init(ProcessorContext<String, LedgerInput> context) {
    this.context = context;
    if (!interval.isZero()) {
      context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> emit());
    }
  }

  @Override
  public void process(Record<String, MarketCapReaction> record) {
    context.forward(record.withValue(new LedgerInput.Impact(record.value())));
  }

  private void emit() {
    int source = context.taskId().partition();
    long streamTime = context.currentStreamTimeMs();
    boolean advanced = streamTime >= 0 && (last == null || streamTime > last.time());
    standingStill = advanced ? 0 : standingStill + 1;
    LedgerInput.Watermark next;
    if (advanced) {
      next = new LedgerInput.Watermark(source, streamTime, false);
    } else if (standingStill >= IDLE_AFTER_INTERVALS || inputLag.readToEnd(topics, source)) {
      if (last != null && last.idle()) {
        return;
      }
      next = new LedgerInput.Watermark(source, streamTime, true);
    } else if (last == null) {
      // Started with records to read but none processed yet: the ledgers wait for this task.
      next = new LedgerInput.Watermark(source, Long.MIN_VALUE, false);
    } else {
      return;
    }
    last = next;
    context.forward(new Record<>(KEY, next, Math.max(streamTime, 0)));
  }
}
