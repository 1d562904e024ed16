package io.impactsim.model;

import io.impactsim.model.ImpactModelConfig.EarningsParameters;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.SegmentRevenue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reporting company's abnormal return, response coefficients times surprises (earnings,
 * revenue, guidance, segment growth, capex plans), and its peers' share of the news.
 */
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
    double raw = epsPart(report, priorQuarters, profile.get(), value.get(), d);
    double revenueSurprise = revenueSurprise(report, priorQuarters, d);
    raw += d.term("earnings.revenue_response", p.revenueResponse(), revenueSurprise);
    double guidanceSurprise = guidanceSurprise(report, d);
    raw += d.term("earnings.guidance_response", p.guidanceResponse(), guidanceSurprise);
    double growthSurprise = growthSurprise(report, d);
    raw += d.term("earnings.growth_response", p.growthResponse(), growthSurprise);
    raw += d.term("earnings.capex_response", p.capexResponse(), capexChange(report, d));
    List<CompanyImpact> impacts = new ArrayList<>();
    impacts.add(band.impact(report.getCompany(), "company", raw, p.maxAbsReturn(), p.sigma(), d));
    double news = revenueSurprise + guidanceSurprise + growthSurprise;
    if (news != 0) {
      for (String peer : peers(profile.get(), companies)) {
        impacts.add(peer(peer, news));
      }
    }
    return impacts;
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
    return d.term("earnings.erc", p.erc(), surprise);
  }

  private double revenueSurprise(EarningsReported report, List<EarningsReported> prior, Drivers d) {
    Expectation expected =
        report.getRevenueConsensusUsd() != null
            ? Expectation.consensus(report.getRevenueConsensusUsd())
            : Expectation.revenueTrend(prior, p.trendQuarters());
    if (expected == null || expected.value() <= 0) {
      d.add("revenue_surprise", 0, "no revenue expectation: revenue term left out");
      return 0;
    }
    // Revenue surprises move prices beyond earnings surprises: Jegadeesh & Livnat (2006).
    double surprise = cap((report.getRevenueUsd() - expected.value()) / expected.value());
    d.add("revenue_expected_usd", expected.value(), describe(expected))
        .add(
            "revenue_surprise",
            surprise,
            "(revenue - revenue_expected) / revenue_expected, within +/- surprise_cap")
        .add("revenue_response", p.revenueResponse(), "return per unit of revenue surprise");
    return surprise;
  }

  /** Next period's revenue guidance against what analysts expected for it. */
  private double guidanceSurprise(EarningsReported report, Drivers d) {
    Long guidance = report.getRevenueGuidanceUsd();
    Long consensus = report.getRevenueGuidanceConsensusUsd();
    if (guidance == null || consensus == null || consensus <= 0) {
      d.add("guidance_surprise", 0, "no revenue guidance with its consensus: term left out");
      return 0;
    }
    // Management forecasts move prices beyond the reported quarter (Patell 1976).
    double surprise = cap((double) (guidance - consensus) / consensus);
    d.add(
            "guidance_surprise",
            surprise,
            "(guidance - its consensus) / consensus, within +/- surprise_cap")
        .add("guidance_response", p.guidanceResponse(), "return per unit of guidance surprise");
    return surprise;
  }

  /**
   * The growth of the first segment that states an expectation: against its consensus when given,
   * else against the previous quarter's growth (the acceleration).
   */
  private double growthSurprise(EarningsReported report, Drivers d) {
    for (SegmentRevenue s : report.getSegments()) {
      Double growth = s.getYoyGrowth();
      Double reference =
          s.getYoyGrowthConsensus() != null ? s.getYoyGrowthConsensus() : s.getPreviousYoyGrowth();
      if (growth != null && reference != null) {
        double surprise = cap(growth - reference);
        d.add(
                "growth_surprise",
                surprise,
                s.getSegment()
                    + (s.getYoyGrowthConsensus() != null
                        ? ": year-on-year growth - its consensus"
                        : ": year-on-year growth - the previous quarter's (acceleration)"))
            .add("growth_response", p.growthResponse(), "return per unit of growth surprise");
        return surprise;
      }
    }
    d.add("growth_surprise", 0, "no segment growth with an expectation: term left out");
    return 0;
  }

  /**
   * The change of the capex plan: the new guidance's midpoint against the previous one, else the
   * quarter's capex against its consensus.
   */
  private double capexChange(EarningsReported report, Drivers d) {
    Double plan = midpoint(report.getCapexGuidanceLowUsd(), report.getCapexGuidanceHighUsd());
    Double prior =
        midpoint(report.getCapexGuidancePriorLowUsd(), report.getCapexGuidancePriorHighUsd());
    double change;
    String how;
    if (plan != null && prior != null && prior > 0) {
      change = plan / prior - 1;
      how = "capex guidance midpoint / the previous guidance's - 1";
    } else if (report.getCapexUsd() != null
        && report.getCapexConsensusUsd() != null
        && report.getCapexConsensusUsd() > 0) {
      change = (double) report.getCapexUsd() / report.getCapexConsensusUsd() - 1;
      how = "capex / its consensus - 1";
    } else {
      d.add("capex_change", 0, "no capex plan with a reference: term left out");
      return 0;
    }
    d.add("capex_change", change, how)
        .add("capex_response", p.capexResponse(), "return per unit of capex change");
    return change;
  }

  /**
   * The largest other companies of the reporting company's segments, at most {@code
   * earnings.peers.max}, largest first (ties by id).
   */
  private List<String> peers(CompanyProfile reporter, CompanyDirectory companies) {
    return List.copyOf(
        Largest.inSegments(
                companies, reporter.getSegments(), Set.of(reporter.getId()), p.maxPeers())
            .keySet());
  }

  private CompanyImpact peer(String peer, double news) {
    // A report carries news about its industry: information transfer to peers (Foster 1981).
    Drivers d =
        new Drivers()
            .add("news", news, "reporter's revenue + guidance + growth surprises")
            .add("peer_response", p.peerResponse(), "peer's return per unit of the news");
    double raw = d.term("earnings.peer_response", p.peerResponse(), news);
    return band.impact(peer, "peer", raw, p.maxAbsReturn(), p.sigma(), d);
  }

  /**
   * A surprise bounded at {@code earnings.surprise_cap} either way: the largest beats were the most
   * anticipated, and their returns did not grow with them (winsorized surprises, as is usual in
   * earnings-response studies).
   */
  private double cap(double surprise) {
    return Band.clamp(surprise, p.surpriseCap());
  }

  private static Double midpoint(Long low, Long high) {
    if (low == null && high == null) {
      return null;
    }
    return low == null ? high.doubleValue() : high == null ? low : low / 2.0 + high / 2.0;
  }

  private static String describe(Expectation e) {
    return e.fromConsensus()
        ? "consensus"
        : "trend: random walk with drift over " + e.quarters() + " previous quarter(s)";
  }
}
