package io.impactsim.model;

import io.impactsim.model.ImpactModelConfig.DealParameters;
import io.impactsim.schemas.avro.Accelerator;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.DealParty;
import io.impactsim.schemas.avro.DealPartyRole;
import io.impactsim.schemas.avro.ValuationBasis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Abnormal returns of the parties to a deal: the provider, the buyer, the suppliers and the other
 * parties it names (investors, partners, stake holders), then the provider's rivals.
 */
final class DealImpacts {
  private final DealParameters p;
  private final Band band;

  DealImpacts(DealParameters parameters, Band band) {
    this.p = parameters;
    this.band = band;
  }

  List<CompanyImpact> of(DealAnnounced deal, CompanyDirectory companies) {
    DealValue value = DealValue.of(deal, p);
    List<CompanyImpact> impacts = new ArrayList<>();
    Optional<Valuation> providerValue = valueOf(companies, deal.getProvider());
    providerValue.ifPresent(
        v ->
            impacts.add(
                listed(v) ? provider(deal, value, v) : unpriced(deal.getProvider(), "provider")));
    Set<String> covered = new LinkedHashSet<>(List.of(deal.getProvider()));
    if (covered.add(deal.getBuyer())) {
      valueOf(companies, deal.getBuyer())
          .ifPresent(
              v ->
                  impacts.add(
                      listed(v) ? buyer(deal, value, v) : unpriced(deal.getBuyer(), "buyer")));
    }
    for (Map.Entry<String, String> linked : linked(deal).entrySet()) {
      String company = linked.getKey();
      Optional<Valuation> v = valueOf(companies, company);
      if (covered.add(company) && v.isPresent()) {
        String role = linked.getValue();
        impacts.add(
            !listed(v.get())
                ? unpriced(company, role)
                : role.equals("supplier")
                    ? supplier(deal, company, value, v.get())
                    : party(company, role, value, v.get()));
      }
    }
    if (providerValue.isPresent()) {
      double providerReturn = impacts.get(0).abnormalReturn();
      Map<String, Long> rivals = rivals(deal, companies, covered);
      double rivalsValue = rivals.values().stream().mapToDouble(Long::doubleValue).sum();
      double providerToRivals = providerValue.get().valueUsd() / rivalsValue;
      rivals.keySet().forEach(r -> impacts.add(rival(r, providerReturn, providerToRivals)));
    }
    return impacts;
  }

  /**
   * The companies a deal names besides provider and buyer, with their role: accelerator vendors and
   * parties named as suppliers are suppliers; the other parties keep their role, in lower case.
   */
  private static Map<String, String> linked(DealAnnounced deal) {
    Map<String, String> linked = new LinkedHashMap<>();
    deal.getAccelerators().stream()
        .map(Accelerator::getVendor)
        .distinct()
        .sorted()
        .forEach(v -> linked.put(v, "supplier"));
    for (DealParty party : deal.getParties()) {
      String role =
          party.getRole() == DealPartyRole.SUPPLIER
              ? "supplier"
              : party.getRole().name().toLowerCase(Locale.ROOT);
      linked.putIfAbsent(party.getCompany(), role);
    }
    return linked;
  }

  /**
   * The value of the largest companies of the deal's segment that are not already parties, at most
   * {@code deal.rivals.max}, largest first (ties by id).
   */
  private Map<String, Long> rivals(
      DealAnnounced deal, CompanyDirectory companies, Set<String> covered) {
    return Largest.inSegments(companies, List.of(deal.getSegment()), covered, p.maxRivals());
  }

  private CompanyImpact provider(DealAnnounced deal, DealValue value, Valuation provider) {
    Drivers d = value.describe(new Drivers());
    double relativeSize = value.effectiveUsd() / provider.valueUsd();
    double termFactor = termFactor(deal.getTermMonths());
    // Relative size drives the contractor's return (Elayan, Roll & Pukthuanthong 2006); the power
    // below one makes the response concave, so that a small provider's deal does not hit the
    // bound and a mega-cap's very large one does not give it a double-digit move.
    double sizeFeature = Math.pow(relativeSize, p.sizeExponent()) * termFactor;
    d.add("relative_size", relativeSize, "implied value x qualifier weight / provider's value")
        .add("size_exponent", p.sizeExponent(), "concavity of the size response")
        .add("term_factor", termFactor, termExplanation(deal.getTermMonths()))
        .add("size_feature", sizeFeature, "relative_size ^ size_exponent x term_factor")
        .add("size_coefficient", p.sizeCoefficient(), "return per unit of size_feature")
        .add("base_car", p.baseCar(), "announcement effect independent of size");
    double raw =
        d.term("deal.base_car", p.baseCar(), 1.0)
            + d.term("deal.size_coefficient", p.sizeCoefficient(), sizeFeature);
    return band.impact(deal.getProvider(), "provider", raw, p.maxAbsReturn(), p.sigma(), d);
  }

  private CompanyImpact buyer(DealAnnounced deal, DealValue value, Valuation buyer) {
    // Awarding firms earn no significant abnormal return on average (Elayan, Roll & Pukthuanthong
    // 2006); an investor's stake in an AI lab is read as a bet the market prices by its size.
    return linked(
        deal.getBuyer(),
        "buyer",
        value,
        buyer,
        "deal.buyer_car",
        p.buyerCar(),
        "deal.buyer_size_coefficient",
        p.buyerSizeCoefficient());
  }

  /**
   * A company the deal names besides its provider: a constant plus a coefficient times its relative
   * size, the deal's dollars against its own value, to the linked exponent.
   */
  private CompanyImpact linked(
      String company,
      String role,
      DealValue value,
      Valuation valuation,
      String carKey,
      double car,
      String coefficientKey,
      double coefficient) {
    Drivers d = value.describe(new Drivers());
    double relativeSize = value.effectiveUsd() / valuation.valueUsd();
    double sizeFeature = Math.pow(relativeSize, p.linkedSizeExponent());
    String coefficientName = coefficientKey.substring(coefficientKey.indexOf('.') + 1);
    d.add("relative_size", relativeSize, "implied value x qualifier weight / " + role + "'s value")
        .add("size_feature", sizeFeature, "relative_size ^ linked_size_exponent")
        .add(coefficientName, coefficient, "return per unit of size_feature")
        .add(carKey.substring(carKey.indexOf('.') + 1), car, "return independent of size");
    double raw = d.term(carKey, car, 1.0) + d.term(coefficientKey, coefficient, sizeFeature);
    return band.impact(company, role, raw, p.maxAbsReturn(), p.sigma(), d);
  }

  private CompanyImpact supplier(
      DealAnnounced deal, String vendor, DealValue value, Valuation supplier) {
    // The supplier's news is the revenue the deal sends it, relative to its own size: the
    // customer-supplier link of Cohen & Frazzini (2008), sized in dollars rather than passed on
    // as a share of the provider's return.
    double chips = DealValue.acceleratorUsd(deal, vendor, p);
    double dollars = chips > 0 ? chips : value.effectiveUsd();
    double relativeSize = dollars / supplier.valueUsd();
    double sizeFeature = Math.pow(relativeSize, p.linkedSizeExponent());
    Drivers d =
        new Drivers()
            .add(
                "supplier_usd",
                dollars,
                chips > 0
                    ? "counted accelerators of this vendor x their price"
                    : "the deal's implied value x qualifier weight")
            .add("relative_size", relativeSize, "supplier_usd / supplier's value")
            .add("size_feature", sizeFeature, "relative_size ^ linked_size_exponent")
            .add("supplier_size_coefficient", p.supplierSizeCoefficient(), "return per unit");
    double raw = d.term("deal.supplier_size_coefficient", p.supplierSizeCoefficient(), sizeFeature);
    return band.impact(vendor, "supplier", raw, p.maxAbsReturn(), p.sigma(), d);
  }

  private CompanyImpact party(String company, String role, DealValue value, Valuation party) {
    // Investors, partners and stake holders: an effect of the same concave form, sized by the
    // deal's dollars relative to the party's own value.
    return linked(
        company,
        role,
        value,
        party,
        "deal.party_car",
        p.partyCar(),
        "deal.party_size_coefficient",
        p.partySizeCoefficient());
  }

  /**
   * A private company: it has no market price to react, and a deal does not change its implied
   * valuation (a new funding round does: a restructuring with an implied valuation).
   */
  private CompanyImpact unpriced(String company, String role) {
    Drivers d =
        new Drivers().add("private", 1, "no market price: deals leave the implied valuation as is");
    return band.impact(company, role, 0, p.maxAbsReturn(), p.sigma(), d);
  }

  private static boolean listed(Valuation value) {
    return value.basis() == ValuationBasis.MARKET_CAP;
  }

  private CompanyImpact rival(String rival, double providerReturn, double providerToRivals) {
    // Intra-industry spillover, competitive (negative) or contagion (positive): Lang & Stulz
    // (1992). The rivals together take spillover_rate of the provider's dollar gain, shared in
    // proportion to their values, so each rival's return is the same.
    Drivers d =
        new Drivers()
            .add("provider_return", providerReturn, "the provider's expected abnormal return")
            .add("spillover_rate", p.rivalSpilloverRate(), "rivals' dollar change per provider $")
            .add(
                "provider_to_rivals_value", providerToRivals, "provider value / all rivals' value");
    double raw = p.rivalSpilloverRate() * providerReturn * providerToRivals;
    return band.impact(rival, "rival", raw, p.maxAbsReturn(), p.sigma(), d);
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

  private static Optional<Valuation> valueOf(CompanyDirectory companies, String id) {
    return companies.find(id).flatMap(Valuation::of);
  }
}
