package io.impactsim.producer.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.producer.history.AvroHistoryFiles;
import io.impactsim.producer.history.History;
import io.impactsim.producer.history.HistoryReader;
import io.impactsim.schemas.avro.DealAnnounced;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticMarketTest {

  @Test
  void sameSeedGivesTheSameEventsIdsIncluded() {
    List<InputEvent> first = list(new SyntheticMarket(SyntheticConfig.of(5_000, 40, 7)));
    List<InputEvent> second = list(new SyntheticMarket(SyntheticConfig.of(5_000, 40, 7)));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void iteratingTwiceGivesTheSameEvents() {
    SyntheticMarket market = new SyntheticMarket(SyntheticConfig.of(2_000, 20, 3));

    assertThat(list(market)).isEqualTo(list(market));
  }

  @Test
  void differentSeedsGiveDifferentEvents() {
    List<InputEvent> a = list(new SyntheticMarket(SyntheticConfig.of(1_000, 20, 1)));
    List<InputEvent> b = list(new SyntheticMarket(SyntheticConfig.of(1_000, 20, 2)));

    assertThat(values(a)).doesNotContainAnyElementsOf(values(b));
  }

  @Test
  void yieldsExactlyTheRequestedCountWithProfilesFirstThenInEventTimeOrder() {
    List<InputEvent> events = list(new SyntheticMarket(SyntheticConfig.of(10_000, 50, 11)));

    assertThat(events).hasSize(10_000);
    assertThat(events.subList(0, 50)).allMatch(e -> e.type() == EventType.COMPANY);
    List<InputEvent> rest = events.subList(50, events.size());
    assertThat(rest).noneMatch(e -> e.type() == EventType.COMPANY);
    for (int i = 1; i < rest.size(); i++) {
      assertThat(rest.get(i).occurredAt()).isAfterOrEqualTo(rest.get(i - 1).occurredAt());
    }
    assertThat(events.stream().map(InputEvent::eventId).distinct()).hasSize(10_000);
  }

  @Test
  void containsEveryKindOfEventInPlausibleProportions() {
    Map<EventType, Long> byType =
        list(new SyntheticMarket(SyntheticConfig.of(50_000, 100, 5))).stream()
            .collect(Collectors.groupingBy(InputEvent::type, Collectors.counting()));

    assertThat(byType.get(EventType.COMPANY)).isEqualTo(100);
    assertThat(byType.get(EventType.DEAL)).isGreaterThan(45_000);
    assertThat(byType.get(EventType.EARNINGS)).isBetween(100L, 1_000L);
    assertThat(byType.get(EventType.RESTRUCTURING)).isBetween(50L, 300L);
  }

  @Test
  void aFewProvidersHoldMostOfTheCommittedValue() {
    Map<String, Long> byProvider =
        list(new SyntheticMarket(SyntheticConfig.of(50_000, 160, 9))).stream()
            .filter(e -> e.value() instanceof DealAnnounced d && d.getValueUsd() != null)
            .map(e -> (DealAnnounced) e.value())
            .filter(d -> d.getSegment().equals("ai-compute-cloud"))
            .collect(
                Collectors.groupingBy(
                    DealAnnounced::getProvider,
                    Collectors.summingLong(DealAnnounced::getValueUsd)));
    List<Long> sorted = byProvider.values().stream().sorted((x, y) -> Long.compare(y, x)).toList();
    long total = sorted.stream().mapToLong(Long::longValue).sum();

    assertThat(sorted).hasSize(20);
    assertThat(sorted.get(0) + sorted.get(1) + sorted.get(2)).isGreaterThan(total / 2);
  }

  @Test
  void everyEventPassesTheHistoryChecks(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("synthetic.avro");
    AvroHistoryFiles.write(file, new SyntheticMarket(SyntheticConfig.of(20_000, 60, 13)));

    History read = HistoryReader.read(List.of(file), Set.of());

    assertThat(read.problems()).isEmpty();
    assertThat(read.events()).hasSize(20_000);
  }

  @Test
  void tooFewEventsForTheCompaniesIsRefused() {
    assertThatThrownBy(() -> SyntheticConfig.of(10, 20, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--events (10) must be at least --companies (20)");
  }

  private static List<InputEvent> list(Iterable<InputEvent> events) {
    List<InputEvent> out = new ArrayList<>();
    events.forEach(out::add);
    return out;
  }

  private static List<Object> values(List<InputEvent> events) {
    return events.stream().map(InputEvent::value).map(Function.<Object>identity()).toList();
  }
}
