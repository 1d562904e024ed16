package io.impactsim.streams.impact;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.streams.impact.ImpactModelConfig.EarningsParameters;
import java.util.List;
import java.util.Optional;

/** The reporting company's abnormal return: response coefficients times standardized surprises. */
final class EarningsImpacts {
  private static final double MICROS = 1_000_000.0;

  private final EarningsParameters p;
  private final Band band;

  EarningsImpacts(EarningsParameters parameters, Band band) {
    this.p = parameters;
    this.band = band;
  }

  List<CompanyImpact> of(
      EarningsReported report, List<EarningsReported> priorQuarters, CompanyDirectory companies) {
    Optional<CompanyProfile> profile = companies.find(report.getCompany());
    Optional<Valuation> value = profile.flatMap(Valuation::of);
    if (value.isEmpty()) {
      return List.of();
    }
    Drivers d = new Drivers();
    double epsPart = epsPart(report, priorQuarters, profile.get(), value.get(), d);
    double revenuePart = revenuePart(report, priorQuarters, d);
    double raw = epsPart + revenuePart;
    double mu = Band.clamp(raw, p.maxAbsReturn());
    d.add("clamped", raw == mu ? 0 : 1, "1 when capped at earnings.max_abs_return");
    return List.of(band.impact(report.getCompany(), "company", mu, p.sigma(), d));
  }

  private double epsPart(
      EarningsReported report,
      List<EarningsReported> prior,
      CompanyProfile profile,
      Valuation value,
      Drivers d) {
    Expectation expected =
        report.getEpsConsensusMicros() != null
            ? Expectation.consensus(report.getEpsConsensusMicros())
            : Expectation.epsTrend(prior, p.trendQuarters());
    Long shares = profile.getSharesOutstanding();
    if (report.getEpsMicros() == null || expected == null || shares == null || shares <= 0) {
      d.add("eps_surprise", 0, "no EPS, expectation or share count: EPS term left out");
      return 0;
    }
    double price = (double) value.valueUsd() / shares;
    // Unexpected earnings deflated by price, times the earnings response coefficient:
    // Collins & Kothari (1989).
    double surprise = (report.getEpsMicros() - expected.value()) / MICROS / price;
    d.add("eps_expected", expected.value() / MICROS, describe(expected))
        .add("price_usd", price, "pre-event value / shares outstanding")
        .add("eps_surprise", surprise, "(eps - eps_expected) / price")
        .add("erc", p.erc(), "earnings response coefficient");
    return p.erc() * surprise;
  }

  private double revenuePart(EarningsReported report, List<EarningsReported> prior, Drivers d) {
    Expectation expected =
        report.getRevenueConsensusUsd() != null
            ? Expectation.consensus(report.getRevenueConsensusUsd())
            : Expectation.revenueTrend(prior, p.trendQuarters());
    if (expected == null || expected.value() <= 0) {
      d.add("revenue_surprise", 0, "no revenue expectation: revenue term left out");
      return 0;
    }
    // Revenue surprises move prices beyond earnings surprises: Jegadeesh & Livnat (2006).
    double surprise = (report.getRevenueUsd() - expected.value()) / expected.value();
    d.add("revenue_expected_usd", expected.value(), describe(expected))
        .add("revenue_surprise", surprise, "(revenue - revenue_expected) / revenue_expected")
        .add("revenue_response", p.revenueResponse(), "return per unit of revenue surprise");
    return p.revenueResponse() * surprise;
  }

  private static String describe(Expectation e) {
    return e.fromConsensus()
        ? "consensus"
        : "trend: random walk with drift over " + e.quarters() + " previous quarter(s)";
  }
}
