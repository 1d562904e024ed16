package io.impactsim.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.views.input.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
  private static final Instant OCT_1 = Instant.parse("2025-10-01T12:00:00Z");

  @TempDir Path stateDir;
  private TopologyFixture fixture;
  private TestInputTopic<String, DealAnnounced> deals;
  private TestOutputTopic<String, MarketShareSnapshot> shares;
  private TestOutputTopic<byte[], byte[]> deadLetters;

  @BeforeEach
  void setUp() {
    fixture = new TopologyFixture(stateDir);
    deals = fixture.input(fixture.topics.deals());
    shares = fixture.output(fixture.topics.marketShare());
    deadLetters = fixture.deadLetters();
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void dealCountsOnceWhenPublishedTwice() {
    DealAnnounced deal = Events.deal("e1", OCT_1, "openai", "amazon", 38_000_000_000L).build();

    fixture.publish(deals, deal);
    fixture.publish(deals, deal);
    fixture.flush();

    var all = shares.readKeyValuesToMap().get(Events.CLOUD + "|ALL");
    assertThat(all.getTotalCommittedUsd()).isEqualTo(38_000_000_000L);
    assertThat(all.getEntries())
        .singleElement()
        .satisfies(e -> assertThat(e.getDealCount()).isEqualTo(1));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void undecodableRecordIsDeadLetteredWithItsBytesAndTheRestKeepsFlowing() {
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

    fixture.rawInput(fixture.topics.deals()).pipeInput("broken", garbage, OCT_1);
    fixture.publish(deals, Events.deal("e2", OCT_1, "openai", "amazon", 10L).build());
    fixture.flush();

    TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
    assertThat(letter.value()).isEqualTo(garbage);
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("broken");
    assertThat(DeadLetters.text(letter.headers(), DeadLetters.REASON)).startsWith("cannot decode");
    assertThat(DeadLetters.text(letter.headers(), DeadLetters.TOPIC))
        .isEqualTo(fixture.topics.deals().name());
    assertThat(DeadLetters.text(letter.headers(), DeadLetters.OFFSET)).isEqualTo("0");
    assertThat(DeadLetters.text(letter.headers(), DeadLetters.EXCEPTION)).isNotBlank();
    assertThat(shares.readKeyValuesToMap().get(Events.CLOUD + "|ALL").getTotalCommittedUsd())
        .isEqualTo(10L);
  }

  @Test
  void negativeValueIsDeadLetteredWithTheOriginalBytesAndReason() {
    DealAnnounced bad = Events.deal("e3", OCT_1, "openai", "amazon", -5L).build();
    byte[] original =
        fixture
            .topics
            .deals()
            .valueSerde()
            .serializer()
            .serialize(fixture.topics.deals().name(), bad);

    fixture.rawInput(fixture.topics.deals()).pipeInput(Events.keyOf(bad), original, OCT_1);
    fixture.publish(deals, Events.deal("e4", OCT_1, "openai", "microsoft", 7L).build());
    fixture.flush();

    TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
    assertThat(letter.value()).isEqualTo(original);
    assertThat(DeadLetters.text(letter.headers(), DeadLetters.REASON))
        .isEqualTo("valueUsd must not be negative, was -5");
    assertThat(DeadLetters.text(letter.headers(), DeadLetters.PARTITION)).isEqualTo("0");
    assertThat(letter.headers().lastHeader(DeadLetters.EXCEPTION)).isNull();
    assertThat(fixture.store(ViewsTopology.CONTRACTS_STORE).get(Events.keyOf(bad))).isNull();
    assertThat(shares.readKeyValuesToMap().get(Events.CLOUD + "|ALL").getTotalCommittedUsd())
        .isEqualTo(7L);
  }

  @Test
  void missingProviderIsDeadLettered() {
    DealAnnounced bad = Events.deal("e5", OCT_1, "openai", " ", 5L).build();

    fixture.publish(deals, bad);
    fixture.flush();

    assertThat(DeadLetters.text(deadLetters.readRecord().headers(), DeadLetters.REASON))
        .isEqualTo("missing provider");
    assertThat(shares.isEmpty()).isTrue();
  }

  @Test
  void dealUnderAnotherContractsKeyIsDeadLetteredOnceAndReachesNoView() {
    DealAnnounced deal = Events.deal("e6", OCT_1, "openai", "amazon", 5L).build();

    deals.pipeInput("contract-of-someone-else", deal, OCT_1);
    fixture.flush();

    TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
    assertThat(DeadLetters.text(letter.headers(), DeadLetters.REASON))
        .contains("'contract-of-someone-else' is not the one its value implies, 'contract-e6'");
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(shares.isEmpty()).isTrue();
    assertThat(fixture.store(ViewsTopology.CONTRACTS_STORE).get("contract-of-someone-else"))
        .isNull();
  }

  @Test
  void recordWithoutAKeyIsDeadLetteredOnceAndReachesNoView() {
    DealAnnounced deal = Events.deal("e7", OCT_1, "openai", "amazon", 5L).build();

    deals.pipeInput(null, deal, OCT_1);
    fixture.flush();

    assertThat(DeadLetters.text(deadLetters.readRecord().headers(), DeadLetters.REASON))
        .startsWith("record has no key; expected 'contract-e7'");
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(shares.isEmpty()).isTrue();
  }

  @Test
  void idThatDecodesToTheReplacementCharacterIsDeadLettered() {
    // A producer that writes bytes, not Java strings, can put a UTF-16 surrogate (ED A0 80) in a
    // string; Avro decodes it as U+FFFD, so two such ids would become one.
    DealAnnounced deal = Events.deal("e8", OCT_1, "buyer-XYZ", "amazon", 5L).build();
    byte[] bytes = serialize(deal);
    int at = indexOf(bytes, "XYZ".getBytes(StandardCharsets.UTF_8));
    bytes[at] = (byte) 0xED;
    bytes[at + 1] = (byte) 0xA0;
    bytes[at + 2] = (byte) 0x80;

    fixture.rawInput(fixture.topics.deals()).pipeInput(Events.keyOf(deal), bytes, OCT_1);
    fixture.flush();

    TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
    assertThat(DeadLetters.text(letter.headers(), DeadLetters.REASON))
        .startsWith("buyer contains U+FFFD at index 6");
    assertThat(letter.value()).isEqualTo(bytes);
    assertThat(shares.isEmpty()).isTrue();
  }

  @Test
  void invisibleBuyerIsDeadLettered() {
    fixture.publish(deals, Events.deal("e9", OCT_1, "\u200b\u00a0", "amazon", 5L).build());
    fixture.flush();

    assertThat(DeadLetters.text(deadLetters.readRecord().headers(), DeadLetters.REASON))
        .isEqualTo("buyer has only invisible characters (spaces, format characters)");
    assertThat(shares.isEmpty()).isTrue();
  }

  @Test
  @Timeout(60)
  void termOfTheLargestIntIsDeadLetteredAtOnce() {
    fixture.publish(
        deals,
        Events.deal("e10", OCT_1, "openai", "amazon", 5L).setTermMonths(Integer.MAX_VALUE).build());
    fixture.flush();

    assertThat(DeadLetters.text(deadLetters.readRecord().headers(), DeadLetters.REASON))
        .isEqualTo("termMonths must be at most 1200 (100 years), was 2147483647");
    assertThat(shares.isEmpty()).isTrue();
  }

  @Test
  void amountsWhoseSumWouldOverflowALongAreDeadLettered() {
    long half = Long.MAX_VALUE / 2 + 1;
    fixture.publish(deals, Events.deal("e11", OCT_1, "openai", "amazon", half).build());
    fixture.publish(deals, Events.deal("e12", OCT_1, "openai", "amazon", half).build());
    fixture.flush();

    assertThat(deadLetters.readRecordsToList())
        .extracting(r -> DeadLetters.text(r.headers(), DeadLetters.REASON))
        .containsExactly(
            "valueUsd must be at most 1000000000000000 (10^15 USD), was " + half,
            "valueUsd must be at most 1000000000000000 (10^15 USD), was " + half);
    assertThat(shares.isEmpty()).isTrue();
  }

  @Test
  void startDateAfter2200IsDeadLettered() {
    fixture.publish(
        deals,
        Events.deal("e13", OCT_1, "openai", "amazon", 5L)
            .setStartDate(java.time.LocalDate.of(30_000, 1, 1))
            .build());
    fixture.flush();

    assertThat(DeadLetters.text(deadLetters.readRecord().headers(), DeadLetters.REASON))
        .isEqualTo("startDate must be within the years 1970-2200, was +30000-01-01");
  }

  @Test
  void reasonNamingAHugeKeyIsCutAt2000Characters() {
    String key = "k".repeat(100_000);
    deals.pipeInput(key, Events.deal("e14", OCT_1, "openai", "amazon", 5L).build(), OCT_1);
    fixture.flush();

    TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
    assertThat(DeadLetters.text(letter.headers(), DeadLetters.REASON))
        .startsWith("record key 'kkk")
        .hasSize(DeadLetters.MAX_REASON_LENGTH);
    assertThat(letter.key()).hasSize(100_000);
  }

  @Test
  void deadLetterOverTheConfiguredSizeKeepsDigestAndSizeInsteadOfTheValue(@TempDir Path dir)
      throws Exception {
    try (TopologyFixture small =
        new TopologyFixture(dir, Map.of(DeadLetters.MAX_BYTES_CONFIG, "20000"))) {
      DealAnnounced bad =
          Events.deal("e15", OCT_1, "openai", "amazon", -5L).setNotes("n".repeat(30_000)).build();
      byte[] bytes = serialize(small, bad);
      small.rawInput(small.topics.deals()).pipeInput(Events.keyOf(bad), bytes, OCT_1);
      small.flush();

      TestRecord<byte[], byte[]> letter = small.deadLetters().readRecord();
      assertThat(letter.value()).isNull();
      assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(Events.keyOf(bad));
      assertThat(DeadLetters.text(letter.headers(), DeadLetters.REASON))
          .isEqualTo("valueUsd must not be negative, was -5");
      assertThat(DeadLetters.text(letter.headers(), DeadLetters.VALUE_SIZE))
          .isEqualTo(Integer.toString(bytes.length));
      assertThat(DeadLetters.text(letter.headers(), DeadLetters.VALUE_SHA256))
          .isEqualTo(
              java.util.HexFormat.of()
                  .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
  }

  private byte[] serialize(DealAnnounced deal) {
    return serialize(fixture, deal);
  }

  private static byte[] serialize(TopologyFixture f, DealAnnounced deal) {
    return f.topics.deals().valueSerde().serializer().serialize(f.topics.deals().name(), deal);
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not found");
  }
}
