package io.impactsim.streams.marketcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.streams.InputLag;
import io.impactsim.streams.LagMetrics;
import io.impactsim.streams.impact.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** The event tasks' watermarks: what they say, how they travel and how they are encoded. */
class WatermarkTest {
  private static final List<String> TOPICS = List.of("mc.deals.v1");

  private final LagMetrics metrics = new LagMetrics();

  private void recordsLag(int partition, double value) {
    metrics.recordsLag("mc.deals.v1", partition, value);
  }

  private static MarketCapReaction impact(String company) {
    return MarketCapReaction.newBuilder()
        .setEventId("deal-1")
        .setEventType("deal")
        .setCompany(company)
        .setOccurredAt(Fixtures.SEED_DAY)
        .setValuationBasis(ValuationBasis.MARKET_CAP)
        .setPreEventValueUsd(0)
        .setAbnormalReturn(0.01)
        .setDollarImpactUsd(0)
        .setLowReturn(0)
        .setHighReturn(0.02)
        .setLowImpactUsd(0)
        .setHighImpactUsd(0)
        .setModelVersion("test")
        .build();
  }

  /** Runs the emitter's punctuator once and returns what it forwarded. */
  private static List<LedgerInput> punctuate(
      MockProcessorContext<String, LedgerInput> context, long streamTime) {
    context.resetForwards();
    context.setCurrentStreamTimeMs(streamTime);
    CapturedPunctuator punctuator = context.scheduledPunctuators().get(0);
    punctuator.getPunctuator().punctuate(0);
    return context.forwarded().stream().map(f -> (LedgerInput) f.record().value()).toList();
  }

  @Test
  void aTaskReportsItsStreamTimeAndIsIdleOnlyWhenItHasReadItsInputsToTheEnd() {
    InputLag lag = new InputLag(Duration.ZERO);
    lag.watch(metrics);
    WatermarkEmitter emitter = new WatermarkEmitter(Duration.ofMillis(100), lag, TOPICS);
    MockProcessorContext<String, LedgerInput> context =
        new MockProcessorContext<>(new Properties(), new TaskId(0, 2), null);
    emitter.init(context);
    assertThat(context.scheduledPunctuators()).hasSize(1);
    recordsLag(2, 500);

    assertThat(punctuate(context, -1))
        .as("started with records to read: the ledgers wait")
        .containsExactly(new LedgerInput.Watermark(2, Long.MIN_VALUE, false));
    assertThat(punctuate(context, 1_000))
        .containsExactly(new LedgerInput.Watermark(2, 1_000, false));
    assertThat(punctuate(context, 1_000)).as("waiting for its turn, not idle").isEmpty();

    recordsLag(2, 0);
    assertThat(punctuate(context, 1_000))
        .containsExactly(new LedgerInput.Watermark(2, 1_000, true));
    assertThat(punctuate(context, 1_000)).as("idle is said once").isEmpty();
    assertThat(punctuate(context, 2_000))
        .containsExactly(new LedgerInput.Watermark(2, 2_000, false));
  }

  @Test
  void aTaskThatMakesNoProgressForLongCountsAsIdleWhateverItsLag() {
    InputLag lag = new InputLag(Duration.ZERO);
    lag.watch(metrics);
    recordsLag(0, 500);
    WatermarkEmitter emitter = new WatermarkEmitter(Duration.ofMillis(100), lag, TOPICS);
    MockProcessorContext<String, LedgerInput> context =
        new MockProcessorContext<>(new Properties(), new TaskId(0, 0), null);
    emitter.init(context);
    assertThat(punctuate(context, 1_000))
        .containsExactly(new LedgerInput.Watermark(0, 1_000, false));

    for (int i = 1; i < WatermarkEmitter.IDLE_AFTER_INTERVALS; i++) {
      assertThat(punctuate(context, 1_000)).as("interval %d without progress", i).isEmpty();
    }
    assertThat(punctuate(context, 1_000))
        .containsExactly(new LedgerInput.Watermark(0, 1_000, true));
  }

  @Test
  void aTaskWithNothingToReadIsIdleAtOnceAndImpactsPassThrough() {
    WatermarkEmitter emitter = new WatermarkEmitter(Duration.ofMillis(100), new InputLag(), TOPICS);
    MockProcessorContext<String, LedgerInput> context =
        new MockProcessorContext<>(new Properties(), new TaskId(0, 1), null);
    emitter.init(context);

    assertThat(punctuate(context, -1)).containsExactly(new LedgerInput.Watermark(1, -1, true));
    assertThat(new LedgerInput.Watermark(1, -1, true).bound()).isEqualTo(Long.MAX_VALUE);

    context.resetForwards();
    MarketCapReaction impact = impact("amazon");
    emitter.process(new Record<>("amazon", impact, 5L));
    List<CapturedForward<? extends String, ? extends LedgerInput>> out = context.forwarded();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).record().key()).isEqualTo("amazon");
    assertThat(out.get(0).record().timestamp()).isEqualTo(5L);
    assertThat(out.get(0).record().value()).isEqualTo(new LedgerInput.Impact(impact));
  }

  @Test
  void withAZeroIntervalNoWatermarkIsScheduled() {
    WatermarkEmitter emitter = new WatermarkEmitter(Duration.ZERO, new InputLag(), TOPICS);
    MockProcessorContext<String, LedgerInput> context = new MockProcessorContext<>();
    emitter.init(context);
    assertThat(context.scheduledPunctuators()).isEmpty();
  }

  @Test
  void watermarksGoToEveryPartitionAndImpactsWhereTheDefaultPartitionerPutsTheirCompany() {
    LedgerPartitioner partitioner = new LedgerPartitioner();
    assertThat(partitioner.partitions("t", "", new LedgerInput.Watermark(0, 1, false), 6))
        .contains(Set.of(0, 1, 2, 3, 4, 5));
    Set<Integer> used = new HashSet<>();
    for (String company : List.of("amazon", "microsoft", "oracle", "google", "nvidia", "openai")) {
      int expected =
          BuiltInPartitioner.partitionForKey(company.getBytes(StandardCharsets.UTF_8), 3);
      assertThat(partitioner.partitions("t", company, new LedgerInput.Impact(impact(company)), 3))
          .as(company)
          .contains(Set.of(expected));
      used.add(expected);
    }
    assertThat(used).hasSizeGreaterThan(1);
  }

  @Test
  void bothKindsRoundTripAndFormatOneRecordsReadAsImpacts() throws IOException {
    var serde = LedgerInput.SERDE;
    LedgerInput impact = new LedgerInput.Impact(impact("amazon"));
    LedgerInput watermark = new LedgerInput.Watermark(2, 1_234_567L, true);
    for (LedgerInput input : List.of(impact, watermark)) {
      byte[] bytes = serde.serializer().serialize("t", input);
      assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(input);
    }

    ByteArrayOutputStream formatOne = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(formatOne)) {
      out.writeByte(1);
      AvroBytes.write(out, MarketCapReaction.getClassSchema(), impact("amazon"));
    }
    assertThat(serde.deserializer().deserialize("t", formatOne.toByteArray())).isEqualTo(impact);
  }
}
