package io.impactsim.model.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.impactsim.model.ImpactModelConfig;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.CompanyRole;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealKind;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.ValueQualifier;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Calibration on a fixture small enough to compute by hand: four providers worth $100B, $25B, $4B
 * and $1B each win a $1B contract (no term), so their relative sizes are 0.01, 0.04, 0.25 and 1,
 * whose square roots are 0.1, 0.2, 0.5 and 1. The observed abnormal returns are exactly 0.002 + 0.1
 * x those: 1.2%, 2.2%, 5.2% and 10.2% (the first reported as +1.7% on a day the index rose 0.5%).
 * The fit must find size_exponent 0.5 and size_coefficient 0.1 with no error, in-sample and leaving
 * each reaction out; the naive +1% errs by (0.2 + 1.2 + 4.2 + 9.2) / 4 = 3.7 points.
 */
class CalibrationTest {
  private static final long BILLION = 1_000_000_000L;
  private static final Instant DAY = Instant.parse("2024-03-01T14:00:00Z");

  static {
    GeneratedRecords.trust();
  }

  @Test
  void recoversTheParametersOfExactReactionsAndReportsTheirFit() throws IOException {
    List<SpecificRecord> history = new ArrayList<>();
    List<ObservedReaction> reactions = new ArrayList<>();
    long[] caps = {100, 25, 4, 1};
    double[] observedPct = {1.7, 2.2, 5.2, 10.2};
    for (int i = 0; i < caps.length; i++) {
      String company = "p" + i;
      history.add(profile(company, caps[i] * BILLION));
      history.add(deal("deal-" + i, company));
      reactions.add(
          new ObservedReaction(
              "deal-" + i,
              company,
              LocalDate.parse("2024-03-01"),
              "CLOSE_TO_CLOSE",
              observedPct[i],
              i == 0 ? 0.5 : null,
              i + 1));
    }

    Calibration.Result r =
        new Calibration(new CalibrationSet(history, reactions), bundled()).run(true, (d, t) -> {});

    assertThat(r.grid().get("deal.size_exponent")).isEqualTo(0.5);
    assertThat(r.parameters().get("deal.size_coefficient")).isCloseTo(0.1, within(1e-6));
    assertThat(r.fitted()).containsExactly("deal.size_coefficient");
    assertThat(r.inSample().meanAbsErrorPp()).isCloseTo(0, within(1e-4));
    assertThat(r.inSample().signAgreement()).isEqualTo(1.0);
    assertThat(r.inSample().spearman()).isCloseTo(1.0, within(1e-12));
    assertThat(r.leaveOneOut().meanAbsErrorPp()).isCloseTo(0, within(1e-4));
    assertThat(r.naive().meanAbsErrorPp()).isCloseTo(3.7, within(1e-9));
    assertThat(r.naive().signAgreement()).isEqualTo(1.0);
    assertThat(r.naive().spearman()).isNaN();
    double[] abnormal =
        r.rows().stream().mapToDouble(row -> row.sample().observed().abnormalReturn()).toArray();
    assertThat(abnormal).containsExactly(new double[] {0.012, 0.022, 0.052, 0.102}, within(1e-15));
  }

  @Test
  void aReactionToAnEventTheHistoryLacksIsRefusedWithItsLine() {
    ObservedReaction stray =
        new ObservedReaction("nope", "p0", LocalDate.parse("2024-03-01"), "OTHER", 1.0, null, 7);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new CalibrationSet(List.of(profile("p0", BILLION)), List.of(stray)))
        .hasMessageContaining("line 7")
        .hasMessageContaining("nope");
  }

  static Properties bundled() {
    return ImpactModelConfig.bundledProperties();
  }

  private static CompanyProfile profile(String id, long cap) {
    return CompanyProfile.newBuilder()
        .setMeta(new EventMetadata("company-" + id, Instant.parse("2024-02-29T21:00:00Z"), "t"))
        .setId(id)
        .setName(id)
        .setListed(true)
        .setReferenceDate(LocalDate.parse("2024-02-29"))
        .setMarketCapUsd(cap)
        .setRoles(List.of(CompanyRole.CLOUD_PROVIDER))
        .setSegments(List.of("segment-" + id))
        .build();
  }

  private static DealAnnounced deal(String id, String provider) {
    return DealAnnounced.newBuilder()
        .setMeta(new EventMetadata(id, DAY, "t"))
        .setDealId(id)
        .setBuyer("buyer")
        .setProvider(provider)
        .setSegment("segment-" + provider)
        .setKind(DealKind.CLOUD_CAPACITY)
        .setValueUsd(BILLION)
        .setValueQualifier(ValueQualifier.EXACT)
        .build();
  }
}
