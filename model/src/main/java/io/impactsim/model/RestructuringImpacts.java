package io.impactsim.model;

import io.impactsim.model.ImpactModelConfig.KindEffect;
import io.impactsim.model.ImpactModelConfig.RestructuringParameters;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.CompanyRole;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.avro.StakeChange;
import io.impactsim.schemas.avro.ValuationBasis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Abnormal returns of the restructured company, of the affected parties and of the affected
 * parties' rival cloud providers, from a per-kind table plus the revaluation of changed stakes.
 */
final class RestructuringImpacts {
  private final RestructuringParameters p;
  private final Band band;

  RestructuringImpacts(RestructuringParameters parameters, Band band) {
    this.p = parameters;
    this.band = band;
  }

  List<CompanyImpact> of(RestructuringAnnounced event, CompanyDirectory companies) {
    KindEffect effect = p.effect(event.getKind());
    Optional<Valuation> companyValue = companies.find(event.getCompany()).flatMap(Valuation::of);
    List<CompanyImpact> impacts = new ArrayList<>();
    companyValue.ifPresent(v -> impacts.add(company(event, effect, v)));
    Set<String> covered = new LinkedHashSet<>(List.of(event.getCompany()));
    for (String party : parties(event)) {
      Optional<Valuation> value = companies.find(party).flatMap(Valuation::of);
      if (covered.add(party) && value.isPresent()) {
        impacts.add(affected(event, party, effect, value.get(), companyValue));
      }
    }
    if (effect.rivalProviders() != 0) {
      for (String rival : rivalProviders(event, companies)) {
        if (covered.add(rival)) {
          impacts.add(rival(rival, effect, event));
        }
      }
    }
    return impacts;
  }

  private CompanyImpact company(RestructuringAnnounced event, KindEffect effect, Valuation value) {
    Drivers d = new Drivers().add("kind_effect", effect.company(), kindText(event, "company"));
    double revaluation = 0;
    Long implied = event.getImpliedValuationUsd();
    if (value.basis() == ValuationBasis.IMPLIED_VALUATION && implied != null && implied > 0) {
      // A private company has no price: a new funding valuation is its only observable move.
      revaluation = (double) implied / value.valueUsd() - 1;
      d.add("revaluation", revaluation, "new implied valuation / current valuation - 1");
    }
    double raw = effect.company() + revaluation;
    return finish(event.getCompany(), "company", raw, d);
  }

  private CompanyImpact affected(
      RestructuringAnnounced event,
      String party,
      KindEffect effect,
      Valuation value,
      Optional<Valuation> companyValue) {
    Drivers d = new Drivers().add("kind_effect", effect.affected(), kindText(event, "affected"));
    double stakeTerm = 0;
    Optional<StakeChange> stake =
        event.getStakeChanges().stream().filter(s -> s.getHolder().equals(party)).findFirst();
    Long implied = event.getImpliedValuationUsd();
    Long companyUsd =
        implied != null ? implied : companyValue.map(Valuation::valueUsd).orElse(null);
    if (stake.isPresent() && stakeKnown(stake.get()) && companyUsd != null) {
      double deltaPct = stake.get().getAfterPct() - stake.get().getBeforePct();
      // Mark-to-market of the holding, the valuation identity of the sum of the parts.
      double stakeValueShare = deltaPct / 100.0 * companyUsd / value.valueUsd();
      stakeTerm = p.stakeWeight() * stakeValueShare;
      d.add("stake_change_pct", deltaPct, "after% - before%")
          .add("stake_value_share", stakeValueShare, "stake change x company value / holder value")
          .add("stake_weight", p.stakeWeight(), "share of the stake's value passed to the holder");
    }
    return finish(party, "affected", effect.affected() + stakeTerm, d);
  }

  private CompanyImpact rival(String rival, KindEffect effect, RestructuringAnnounced event) {
    Drivers d = new Drivers().add("kind_effect", effect.rivalProviders(), kindText(event, "rival"));
    return finish(rival, "rival_provider", effect.rivalProviders(), d);
  }

  private CompanyImpact finish(String company, String role, double raw, Drivers d) {
    return band.impact(company, role, raw, p.maxAbsReturn(), p.sigma(), d);
  }

  private static List<String> parties(RestructuringAnnounced event) {
    Set<String> parties = new LinkedHashSet<>(event.getAffectedParties());
    event.getStakeChanges().forEach(s -> parties.add(s.getHolder()));
    return List.copyOf(parties);
  }

  /** Cloud providers that compete with an affected party in one of its segments. */
  private static Set<String> rivalProviders(
      RestructuringAnnounced event, CompanyDirectory companies) {
    Set<String> rivals = new TreeSet<>();
    Set<String> parties = new LinkedHashSet<>(event.getAffectedParties());
    parties.add(event.getCompany());
    for (String party : parties) {
      List<String> segments =
          companies.find(party).map(CompanyProfile::getSegments).orElse(List.of());
      for (String segment : segments) {
        for (CompanyProfile candidate : companies.inSegment(segment)) {
          if (candidate.getRoles().contains(CompanyRole.CLOUD_PROVIDER)
              && !parties.contains(candidate.getId())
              && Valuation.of(candidate).isPresent()) {
            rivals.add(candidate.getId());
          }
        }
      }
    }
    return rivals;
  }

  private static boolean stakeKnown(StakeChange s) {
    return s.getBeforePct() != null && s.getAfterPct() != null;
  }

  private static String kindText(RestructuringAnnounced event, String party) {
    return "restructuring." + event.getKind() + "." + party + " effect";
  }
}
