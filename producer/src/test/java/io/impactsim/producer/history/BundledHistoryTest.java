package io.impactsim.producer.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.ValueQualifier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundledHistoryTest {

  @Test
  void bundledHistoryLoadsWithoutProblems() {
    History history = BundledHistory.read();

    assertThat(history.problems()).isEmpty();
    assertThat(history.events()).hasSize(14);
  }

  @Test
  void everyBundledEventCitesASource() {
    assertThat(BundledHistory.load())
        .allSatisfy(e -> assertThat(e.meta().getSource()).isNotBlank());
  }

  @Test
  void awsDealIsKeyedByContractAndCarriesTheReportedTerms() {
    InputEvent aws =
        BundledHistory.load().stream()
            .filter(e -> e.eventId().equals("2025-11-03-openai-aws-38b"))
            .findFirst()
            .orElseThrow();
    DealAnnounced deal = (DealAnnounced) aws.value();

    assertThat(aws.type()).isEqualTo(EventType.DEAL);
    assertThat(aws.key()).isEqualTo("openai-aws-2025");
    assertThat(aws.occurredAt()).isEqualTo(Instant.parse("2025-11-03T12:00:00Z"));
    assertThat(deal.getValueUsd()).isEqualTo(38_000_000_000L);
    assertThat(deal.getTermMonths()).isEqualTo(84);
    assertThat(deal.getProviderUnit()).isEqualTo("AWS");
    assertThat(deal.getAccelerators())
        .extracting(a -> a.getModel(), a -> a.getCountQualifier())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GB200", ValueQualifier.APPROX),
            org.assertj.core.groups.Tuple.tuple("GB300", ValueQualifier.APPROX));
  }

  @Test
  void bundledHistoryDefinesEachCompanyBeforeOtherEvents() {
    List<InputEvent> events = BundledHistory.load();
    long companies = events.stream().filter(e -> e.type() == EventType.COMPANY).count();

    assertThat(events.subList(0, (int) companies))
        .allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.COMPANY));
    assertThat(events.stream().map(InputEvent::key).filter(k -> k.equals("amazon"))).hasSize(2);
  }
}
