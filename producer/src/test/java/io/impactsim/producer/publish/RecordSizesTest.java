package io.impactsim.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.testing.Events;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class RecordSizesTest {
  private static final Instant AT = Instant.parse("2025-11-03T12:00:00Z");
  private final TopicCatalog topics =
      TopicCatalog.create("sizes", new InMemorySchemaRegistry(), true);

  @Test
  void theMeasuredValueIsWhatThePublishersSerializerWrites() throws Exception {
    SplittableRandom random = new SplittableRandom(16);
    RecordSizes sizes = new RecordSizes();
    for (int i = 0; i < 300; i++) {
      InputEvent event = deal("d-" + i, random.nextInt(0, 20_000));
      byte[] written = serialized(event);

      assertThat(sizes.valueBytes(event)).as("event %d", i).isEqualTo(written.length);
    }
    InputEvent company = Events.company("acme", AT);
    assertThat(sizes.valueBytes(company))
        .isEqualTo(
            company
                .topicIn(topics)
                .valueSerde()
                .serializer()
                .serialize("t", company.value())
                .length);
  }

  @Test
  void aRecordOverItsTopicsLimitIsRefusedWithItsPositionAndSizes() {
    String deals = topics.deals().name();
    RecordSizeLimits limits =
        new RecordSizeLimits(1_048_576, Map.of(deals, 1_000), 1_048_588, "the cluster");
    List<InputEvent> events =
        List.of(Events.company("acme", AT), deal("small", 10), deal("big", 2_000));

    List<RecordSizes.Refusal> refused = RecordSizes.refusals(events, topics, limits);

    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).position()).isEqualTo(2);
    assertThat(refused.get(0).message())
        .matches(
            "record of 2,[0-9]{3} bytes \\(key 3, value 2,[0-9]{3}\\) is over the limit of"
                + " 1,000 bytes \\(max.message.bytes of topic sizes.deals.v1\\)");
  }

  @Test
  void theProducersMaxRequestSizeLimitsWhenItIsTheLower() {
    RecordSizeLimits limits = new RecordSizeLimits(500, Map.of(), 1_048_588, "the cluster");

    List<RecordSizes.Refusal> refused =
        RecordSizes.refusals(List.of(deal("big", 1_000)), topics, limits);

    assertThat(refused)
        .singleElement()
        .extracting(RecordSizes.Refusal::message)
        .asString()
        .endsWith("over the limit of 500 bytes (max.request.size of the producer)");
  }

  @Test
  void aTopicNotCreatedYetHasTheBrokersLimit() {
    RecordSizeLimits limits = new RecordSizeLimits(1_048_576, Map.of(), 2_000, "the cluster");

    assertThat(limits.limitFor(topics.deals().name()))
        .isEqualTo(
            new RecordSizeLimits.Limit(2_000, "message.max.bytes of the broker (the cluster)"));
  }

  @Test
  void theRecordSizeCountsBatchAndRecordHeadersAndTheLengthVarints() {
    // 61 batch + 21 record header + 1 key length + 1 value length + 1 header count.
    assertThat(RecordSizes.recordSize(0, 0)).isEqualTo(85);
    // 63 zig-zags into one varint byte, 64 into two.
    assertThat(RecordSizes.recordSize(63, 0) - RecordSizes.recordSize(62, 0)).isEqualTo(1);
    assertThat(RecordSizes.recordSize(64, 0) - RecordSizes.recordSize(63, 0)).isEqualTo(2);
  }

  private byte[] serialized(InputEvent event) {
    var topic = event.topicIn(topics);
    return topic.valueSerde().serializer().serialize(topic.name(), event.value());
  }

  private static InputEvent deal(String id, int notes) {
    DealAnnounced deal = (DealAnnounced) Events.deal(id, AT, "buyer", "seller", 5).value();
    deal.setNotes("n".repeat(notes));
    return InputEvent.of((SpecificRecord) deal);
  }
}
