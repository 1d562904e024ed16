package io.impactsim.views.events;

import static io.impactsim.model.Fixtures.BILLION;
import static io.impactsim.model.Fixtures.SEED_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.model.Fixtures;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.views.internal.BinarySerde;
import io.impactsim.views.marketcap.CompanyValue;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EventStateSerdesTest {
  private final TopicCatalog topics = TopicCatalog.create("t", new InMemorySchemaRegistry(), true);

  private static <T> byte[] bytes(BinarySerde<T> serde, T value) {
    return serde.serializer().serialize("t", value);
  }

  private static <T> T roundTrip(BinarySerde<T> serde, T value) {
    return serde.deserializer().deserialize("t", bytes(serde, value));
  }

  private static CompanyValue contribution() {
    return CompanyValue.change(
        new CompanyValue.Bucket(LocalDate.parse("2025-10-31"), false),
        ValuationBasis.MARKET_CAP,
        2_420 * BILLION,
        58_000_000_000L,
        140 * BILLION,
        1_000_000_000L,
        1,
        SEED_DAY,
        "deal-openai-aws");
  }

  @Test
  void contractStateSurvivesItsChangelogWithEachReportsContributions() {
    ContractState state =
        ContractState.empty()
            .with(Fixtures.openAiAws())
            .withSent("deal-openai-aws", Map.of("amazon", contribution()));
    BinarySerde<ContractState> serde = ContractState.serde(topics);

    ContractState back = roundTrip(serde, state);

    assertThat(back.reports()).hasSize(1);
    assertThat(back.latest()).isEqualTo(Fixtures.openAiAws());
    assertThat(bytes(serde, back)).isEqualTo(bytes(serde, state));
  }

  @Test
  void earningsStateSurvivesItsChangelog() {
    EarningsState state =
        EarningsState.empty()
            .with(
                Fixtures.earnings("q3", SEED_DAY, "oracle", "2025-Q3", 16 * BILLION, 1L).build(), 8)
            .withSent("2025-Q3", Map.of("oracle", contribution()));
    BinarySerde<EarningsState> serde = EarningsState.serde(topics);

    assertThat(bytes(serde, roundTrip(serde, state))).isEqualTo(bytes(serde, state));
  }

  @Test
  void stateWrittenByANewerFormatIsRefused() {
    BinarySerde<ContractState> serde = ContractState.serde(topics);
    byte[] bytes = bytes(serde, ContractState.empty().with(Fixtures.openAiAws()));
    bytes[0] = 99;

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("newer");
  }

  @Test
  void anEarningsReportOlderThanAFullHistoryIsOutsideTheHorizon() {
    EarningsState state = EarningsState.empty();
    for (int q = 1; q <= 4; q++) {
      state =
          state.with(
              Fixtures.earnings("q" + q, SEED_DAY, "oracle", "2025-Q" + q, BILLION, 1L).build(), 4);
    }

    assertThat(
            state.beforeHorizon(
                Fixtures.earnings("old", SEED_DAY, "oracle", "2024-Q4", BILLION, 1L).build(), 4))
        .isTrue();
    assertThat(
            state.beforeHorizon(
                Fixtures.earnings("late", SEED_DAY, "oracle", "2025-Q2", BILLION, 1L).build(), 4))
        .isFalse();
  }
}
