package io.impactsim.streams.impact;

import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.streams.impact.ImpactModelConfig.DealParameters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Abnormal returns of the parties to a deal, of the provider's rivals and of named suppliers. */
final class DealImpacts {
  private final DealParameters p;
  private final Band band;

  DealImpacts(DealParameters parameters, Band band) {
    this.p = parameters;
    this.band = band;
  }

  List<CompanyImpact> of(DealAnnounced deal, CompanyDirectory companies) {
    List<CompanyImpact> impacts = new ArrayList<>();
    Optional<Valuation> providerValue = valueOf(companies, deal.getProvider());
    providerValue.ifPresent(v -> impacts.add(provider(deal, v)));
    if (!deal.getBuyer().equals(deal.getProvider())
        && valueOf(companies, deal.getBuyer()).isPresent()) {
      impacts.add(buyer(deal.getBuyer(), p.qualifierWeight(deal.getValueQualifier())));
    }
    if (providerValue.isPresent()) {
      double providerReturn = impacts.get(0).abnormalReturn();
      Set<String> covered = new LinkedHashSet<>(List.of(deal.getProvider(), deal.getBuyer()));
      for (String vendor : vendors(deal)) {
        if (covered.add(vendor) && valueOf(companies, vendor).isPresent()) {
          impacts.add(supplier(vendor, providerReturn));
        }
      }
      Map<String, Long> rivals = rivals(deal, companies, covered);
      double rivalsValue = rivals.values().stream().mapToDouble(Long::doubleValue).sum();
      double providerToRivals = providerValue.get().valueUsd() / rivalsValue;
      rivals.keySet().forEach(r -> impacts.add(rival(r, providerReturn, providerToRivals)));
    }
    return impacts;
  }

  /**
   * The value of the largest companies of the deal's segment that are not already parties, at most
   * {@code deal.rivals.max}, largest first (ties by id).
   */
  private Map<String, Long> rivals(
      DealAnnounced deal, CompanyDirectory companies, Set<String> covered) {
    List<Map.Entry<String, Long>> candidates = new ArrayList<>();
    for (CompanyProfile rival : companies.inSegment(deal.getSegment())) {
      Optional<Valuation> value = Valuation.of(rival);
      if (!covered.contains(rival.getId()) && value.isPresent()) {
        candidates.add(Map.entry(rival.getId(), value.get().valueUsd()));
      }
    }
    candidates.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> rivals = new TreeMap<>();
    candidates.stream().limit(p.maxRivals()).forEach(e -> rivals.put(e.getKey(), e.getValue()));
    return rivals;
  }

  private CompanyImpact provider(DealAnnounced deal, Valuation value) {
    double qualifier = p.qualifierWeight(deal.getValueQualifier());
    // Relative size drives the contractor's return: Elayan, Roll & Pukthuanthong (2006).
    double relativeSize =
        deal.getValueUsd() == null ? 0.0 : (double) deal.getValueUsd() / value.valueUsd();
    double termFactor = termFactor(deal.getTermMonths());
    double sizeTerm = p.sizeElasticity() * relativeSize * termFactor;
    double raw = qualifier * (p.baseCar() + sizeTerm);
    double mu = Band.clamp(raw, p.maxAbsReturn());
    Drivers d =
        new Drivers()
            .add("qualifier_weight", qualifier, "weight of " + deal.getValueQualifier() + " value")
            .add("relative_size", relativeSize, "contract value / provider's value in its profile")
            .add("term_factor", termFactor, termExplanation(deal.getTermMonths()))
            .add("size_elasticity", p.sizeElasticity(), "return per unit of relative size")
            .add("size_term", sizeTerm, "size_elasticity x relative_size x term_factor")
            .add("base_car", p.baseCar(), "announcement effect independent of size")
            .add("clamped", raw == mu ? 0 : 1, "1 when capped at deal.max_abs_return");
    return band.impact(deal.getProvider(), "provider", mu, p.sigma(), d);
  }

  private CompanyImpact buyer(String buyer, double qualifier) {
    // Awarding firms earn no significant abnormal return: Elayan, Roll & Pukthuanthong (2006).
    double mu = qualifier * p.buyerCar();
    Drivers d =
        new Drivers()
            .add("qualifier_weight", qualifier, "how firm the announced value is")
            .add("buyer_car", p.buyerCar(), "abnormal return of the awarding firm");
    return band.impact(buyer, "buyer", mu, p.sigma(), d);
  }

  private CompanyImpact supplier(String vendor, double providerReturn) {
    // Customer-supplier return link: Cohen & Frazzini (2008).
    double mu = Band.clamp(p.supplierLinkRate() * providerReturn, p.maxAbsReturn());
    Drivers d =
        new Drivers()
            .add("provider_return", providerReturn, "the provider's expected abnormal return")
            .add("supplier_link_rate", p.supplierLinkRate(), "supplier's return per unit of it");
    return band.impact(vendor, "supplier", mu, p.sigma(), d);
  }

  private CompanyImpact rival(String rival, double providerReturn, double providerToRivals) {
    // Intra-industry spillover, competitive (negative) or contagion (positive): Lang & Stulz
    // (1992). The rivals together take spillover_rate of the provider's dollar gain, shared in
    // proportion to their values, so each rival's return is the same.
    double mu =
        Band.clamp(p.rivalSpilloverRate() * providerReturn * providerToRivals, p.maxAbsReturn());
    Drivers d =
        new Drivers()
            .add("provider_return", providerReturn, "the provider's expected abnormal return")
            .add("spillover_rate", p.rivalSpilloverRate(), "rivals' dollar change per provider $")
            .add(
                "provider_to_rivals_value", providerToRivals, "provider value / all rivals' value");
    return band.impact(rival, "rival", mu, p.sigma(), d);
  }

  // A longer committed term is read as a more durable relationship; the log keeps the effect
  // concave and the floor keeps very short terms from turning the sign (an assumption).
  private double termFactor(Integer termMonths) {
    if (termMonths == null || termMonths <= 0) {
      return 1.0;
    }
    double factor = 1.0 + p.termElasticity() * Math.log(termMonths / p.termReferenceMonths());
    return Math.max(p.termMinFactor(), factor);
  }

  private static String termExplanation(Integer termMonths) {
    return termMonths == null
        ? "term undisclosed: neutral factor"
        : "1 + term.elasticity x ln(" + termMonths + " months / reference), floored";
  }

  private static List<String> vendors(DealAnnounced deal) {
    return deal.getAccelerators().stream().map(Accelerator::getVendor).distinct().sorted().toList();
  }

  private static Optional<Valuation> valueOf(CompanyDirectory companies, String id) {
    return companies.find(id).flatMap(Valuation::of);
  }
}
