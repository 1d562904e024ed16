package io.impactsim.views.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Digests and field-by-field differences of two namespaces' views. */
class ViewComparisonTest {
  @BeforeAll
  static void trustGeneratedRecords() {
    GeneratedRecords.trust();
  }

  @Test
  void equalViewsHaveEqualDigestsAndNoDifferences() {
    ViewSet views = views(Map.of("openai", capex("openai", 338)));

    ViewComparison comparison =
        ViewComparison.of(views, views(Map.of("openai", capex("openai", 338))));

    assertThat(comparison.equal()).isTrue();
    assertThat(comparison.digests().get("capex").equal()).isTrue();
    assertThat(comparison.digests().get("capex").baseKeys()).isEqualTo(1);
  }

  @Test
  void differencesNameTheViewKeyAndFieldWithBothValues() {
    ViewSet base = views(Map.of("openai", capex("openai", 338), "oracle", capex("oracle", 0)));
    ViewSet other = views(Map.of("openai", capex("openai", 320)));

    ViewComparison comparison = ViewComparison.of(base, other);

    assertThat(comparison.digests().get("capex").equal()).isFalse();
    assertThat(comparison.differences())
        .containsExactly(
            new Difference("capex", "openai", "committedAsBuyerUsd", "338", "320"),
            new Difference("capex", "oracle", "", "present", Difference.ABSENT));
  }

  private static ViewSet views(Map<String, CapexCommitments> capex) {
    return new ViewSet(Map.of(), capex, Map.of(), Map.of());
  }

  private static CapexCommitments capex(String company, long buyerUsd) {
    return CapexCommitments.newBuilder()
        .setCompany(company)
        .setAsOf(java.time.Instant.parse("2025-11-03T12:00:00Z"))
        .setCommittedAsBuyerUsd(buyerUsd)
        .setBacklogAsProviderUsd(0)
        .setSchedule(List.of())
        .setHeadlineCommitments(List.of())
        .build();
  }
}
