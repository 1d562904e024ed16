package io.impactsim.producer.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.producer.EventType;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.avro.ValueQualifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {
  private static final String AMAZON =
      "{\"formatVersion\":1,\"type\":\"company\",\"eventId\":\"c-amazon\","
          + "\"occurredAt\":\"2025-10-27T20:00:00Z\",\"source\":\"test\",\"id\":\"amazon\","
          + "\"name\":\"Amazon\",\"listed\":true,\"ticker\":\"AMZN\",\"referenceDate\":\"2025-10-27\","
          + "\"marketCapUsd\":2420000000000}";
  private static final String OPENAI =
      "{\"formatVersion\":1,\"type\":\"company\",\"eventId\":\"c-openai\","
          + "\"occurredAt\":\"2025-10-27T20:00:00Z\",\"source\":\"test\",\"id\":\"openai\","
          + "\"name\":\"OpenAI\",\"listed\":false,\"referenceDate\":\"2025-10-27\"}";

  @TempDir Path dir;

  @Test
  void aValidDealParsesIntoTheAvroRecordWithDefaultsApplied() throws IOException {
    History history = read(AMAZON, OPENAI, deal("\"valueUsd\":38000000000"));

    assertThat(history.problems()).isEmpty();
    DealAnnounced deal = (DealAnnounced) history.events().get(2).value();
    assertThat(deal.getValueUsd()).isEqualTo(38_000_000_000L);
    assertThat(deal.getKind()).isEqualTo(DealKind.CLOUD_CAPACITY);
    assertThat(deal.getValueQualifier()).isEqualTo(ValueQualifier.EXACT);
    assertThat(deal.getSegment()).isEqualTo("ai-compute-cloud");
    assertThat(deal.getStartDate()).isEqualTo(LocalDate.of(2025, 11, 3));
    assertThat(deal.getAccelerators()).isEmpty();
    assertThat(history.events().get(2).key()).isEqualTo("c-1");
  }

  @Test
  void enumSymbolsAreCaseInsensitive() throws IOException {
    History history =
        read(AMAZON, OPENAI, deal("\"valueUsd\":1").replace("CLOUD_CAPACITY", "cloud_capacity"));

    assertThat(history.problems()).isEmpty();
  }

  @Test
  void aMissingFieldIsReportedWithFileLineAndField() throws IOException {
    History history =
        read(AMAZON, OPENAI, deal("\"valueUsd\":1").replace("\"buyer\":\"openai\",", ""));

    assertThat(messages(history)).containsExactly(file() + ":3:buyer: missing required field");
    assertThat(history.events()).hasSize(2);
  }

  @Test
  void aWrongTypeIsReported() throws IOException {
    History history = read(AMAZON, OPENAI, deal("\"valueUsd\":\"38 billion\""));

    assertThat(messages(history))
        .containsExactly(
            file() + ":3:valueUsd: expected a whole number, got the string \"38 billion\"");
  }

  @Test
  void aNegativeAmountIsReported() throws IOException {
    History history = read(AMAZON, OPENAI, deal("\"valueUsd\":-5"));

    assertThat(messages(history)).containsExactly(file() + ":3:valueUsd: negative amount -5");
  }

  @Test
  void aNonFiniteAmountIsReported() throws IOException {
    History history = read(AMAZON, OPENAI, deal("\"valueUsd\":1,\"capacityGw\":1e400"));

    assertThat(messages(history))
        .containsExactly(file() + ":3:capacityGw: not a finite number: Infinity");
  }

  @Test
  void aFractionalDollarAmountIsReported() throws IOException {
    History history = read(AMAZON, OPENAI, deal("\"valueUsd\":38000000000.5"));

    assertThat(messages(history))
        .containsExactly(file() + ":3:valueUsd: expected a whole number, got 3.80000000005E10");
  }

  @Test
  void aCompanyNeitherDefinedNorKnownIsReported() throws IOException {
    History history = read(OPENAI, deal("\"valueUsd\":1"));

    assertThat(messages(history))
        .containsExactly(
            file() + ":2:provider: unknown company 'amazon': no company line defines it");
  }

  @Test
  void aCompanyKnownAlreadyNeedsNoCompanyLine() throws IOException {
    Path file = write(OPENAI, deal("\"valueUsd\":1"));

    History history = HistoryReader.read(List.of(file), Set.of("amazon"));

    assertThat(history.problems()).isEmpty();
  }

  @Test
  void aDealEndingBeforeItStartsIsReported() throws IOException {
    History history = read(AMAZON, OPENAI, deal("\"valueUsd\":1,\"termMonths\":0"));

    assertThat(messages(history))
        .containsExactly(
            file() + ":3:termMonths: term of 0 months: the deal would end before it starts");
  }

  @Test
  void aGuidanceRangeEndingBeforeItStartsIsReported() throws IOException {
    String earnings =
        "{\"formatVersion\":1,\"type\":\"earnings\",\"eventId\":\"e-1\","
            + "\"occurredAt\":\"2025-10-30T20:00:00Z\",\"source\":\"test\",\"company\":\"amazon\","
            + "\"fiscalPeriod\":\"2025-Q3\",\"revenueUsd\":1,"
            + "\"capexGuidanceLowUsd\":20,\"capexGuidanceHighUsd\":10}";

    History history = read(AMAZON, earnings);

    assertThat(messages(history))
        .containsExactly(
            file() + ":2:capexGuidanceHighUsd: guidance range ends (10) before it starts (20)");
  }

  @Test
  void aDuplicateEventIdIsReportedWithTheFirstUse() throws IOException {
    History history = read(AMAZON, OPENAI, deal("\"valueUsd\":1"), deal("\"valueUsd\":2"));

    assertThat(messages(history))
        .containsExactly(
            file() + ":4:eventId: duplicate event id 'd-1', first used at " + file() + ":3");
    assertThat(history.events()).hasSize(3);
  }

  @Test
  void anUnparseableDateIsReported() throws IOException {
    History history =
        read(AMAZON, OPENAI, deal("\"valueUsd\":1").replace("2025-11-03\"", "2025-13-03\""));

    assertThat(messages(history))
        .containsExactly(
            file() + ":3:startDate: unparseable date '2025-13-03', expected YYYY-MM-DD");
  }

  @Test
  void anUnparseableEventTimeIsReported() throws IOException {
    History history =
        read(AMAZON, OPENAI, deal("\"valueUsd\":1").replace("2025-11-03T12:00:00Z", "yesterday"));

    assertThat(messages(history))
        .containsExactly(
            file()
                + ":3:occurredAt: unparseable instant 'yesterday', expected e.g."
                + " 2025-11-03T13:00:00Z");
  }

  @Test
  void unknownFieldsTypesSymbolsAndVersionsAreReported() throws IOException {
    String line =
        deal("\"valueUsd\":1,\"valueUSD\":2")
            .replace("\"formatVersion\":1", "\"formatVersion\":2")
            .replace("CLOUD_CAPACITY", "GPUS");

    History history = read(AMAZON, OPENAI, line, "{\"type\":\"merger\"}", "not json");

    assertThat(messages(history))
        .contains(
            file() + ":3:formatVersion: unsupported format version 2, expected 1",
            file() + ":3:valueUSD: unknown field",
            file()
                + ":4:type: unknown event type \"merger\", expected deal, restructuring,"
                + " earnings or company")
        .anySatisfy(m -> assertThat(m).startsWith(file() + ":3:kind: unknown DealKind 'GPUS'"))
        .anySatisfy(m -> assertThat(m).startsWith(file() + ":5: not valid JSON"));
  }

  @Test
  void everyProblemOfALineIsReportedNotJustTheFirst() throws IOException {
    History history =
        read(AMAZON, OPENAI, deal("\"valueUsd\":-1,\"termMonths\":-2").replace("openai", "nobody"));

    assertThat(history.problems())
        .extracting(HistoryProblem::field)
        .containsExactlyInAnyOrder("valueUsd", "termMonths", "buyer");
  }

  @Test
  void blankLinesAreSkippedAndLineNumbersStayTrue() throws IOException {
    History history = read(AMAZON, "", OPENAI, "", deal("\"valueUsd\":-1"));

    assertThat(history.problems()).extracting(HistoryProblem::line).containsExactly(5L);
    assertThat(history.events()).extracting(e -> e.type()).containsOnly(EventType.COMPANY);
  }

  @Test
  void skipInvalidKeepsTheValidLinesAndDropsThoseThatDependOnAnInvalidOne() throws IOException {
    String brokenCompany = AMAZON.replace("\"listed\":true", "\"listed\":\"yes\"");
    String validDeal = deal("\"valueUsd\":1").replace("amazon", "openai2");
    String openai2 = OPENAI.replace("openai", "openai2").replace("c-openai2", "c-openai-2");

    History history =
        read(
            brokenCompany,
            OPENAI,
            openai2,
            deal("\"valueUsd\":1"),
            validDeal.replace("d-1", "d-2"));

    assertThat(messages(history))
        .containsExactly(
            file() + ":1:listed: expected true or false",
            file() + ":4:provider: unknown company 'amazon': no company line defines it");
    assertThat(history.toPublish(true))
        .extracting(e -> e.eventId())
        .containsExactly("c-openai", "c-openai-2", "d-2");
  }

  @Test
  void withoutSkipInvalidAnInvalidInputPublishesNothing() throws IOException {
    History history = read(AMAZON, OPENAI, deal("\"valueUsd\":-1"));

    assertThatThrownBy(() -> history.toPublish(false))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessageContaining("1 problem(s) in the input: nothing published");
  }

  @Test
  void aMissingFileIsAProblemOfTheInput() {
    Path missing = dir.resolve("absent.jsonl");

    History history = HistoryReader.read(List.of(missing), Set.of());

    assertThat(messages(history)).containsExactly(missing + ":0: no such file");
  }

  @Test
  void aFileThatIsNotAvroIsReportedNotThrown() throws IOException {
    Path bogus = Files.writeString(dir.resolve("bogus.avro"), "not avro");

    History history = HistoryReader.read(List.of(bogus), Set.of());

    assertThat(messages(history)).singleElement().asString().startsWith(bogus + ":0: cannot read");
  }

  private History read(String... lines) throws IOException {
    return HistoryReader.read(List.of(write(lines)), Set.of());
  }

  private Path write(String... lines) throws IOException {
    return Files.write(dir.resolve("history.jsonl"), List.of(lines));
  }

  private String file() {
    return dir.resolve("history.jsonl").toString();
  }

  private static List<String> messages(History history) {
    return history.problems().stream().map(HistoryProblem::toString).toList();
  }

  /** A deal of openai with amazon, id d-1, contract c-1, plus the given fields. */
  static String deal(String extraFields) {
    return "{\"formatVersion\":1,\"type\":\"deal\",\"eventId\":\"d-1\","
        + "\"occurredAt\":\"2025-11-03T12:00:00Z\",\"source\":\"test\",\"dealId\":\"d-1\","
        + "\"contractId\":\"c-1\",\"buyer\":\"openai\",\"provider\":\"amazon\","
        + "\"kind\":\"CLOUD_CAPACITY\",\"valueQualifier\":\"EXACT\",\"startDate\":\"2025-11-03\","
        + extraFields
        + "}";
  }
}
