package io.impactsim.views.marketcap;

import io.impactsim.model.CompanyImpact;
import io.impactsim.model.ProfileBook;
import io.impactsim.model.ProfileHistory;
import io.impactsim.model.Valuation;
import io.impactsim.schemas.avro.CompanyReaction;
import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.schemas.avro.ImpactDriver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices an event's modelled impacts against each company's profile in effect at the event, and
 * says what they add to each company's value. A later report of a contract is priced as what it
 * adds to the report before it: per company, the difference of the two reports' returns (and a
 * reversal for a company only the earlier one named), so that a contract's effect adds up to that
 * of its latest report.
 */
public final class Reactions {
  /** Driver carrying the return an earlier report of the same contract already gave. */
  public static final String SUPERSEDED = "superseded_return";

  private static final String BAND_Z = "band_z";

  private final double z;
  private final String modelVersion;

  public Reactions(double bandZ, String modelVersion) {
    this.z = bandZ;
    this.modelVersion = modelVersion;
  }

  /**
   * The event's reactions record and each company's contribution to its value.
   *
   * @param now the model's impacts of this event
   * @param before the impacts of the earlier report this one revises; empty for a first report
   */
  public Priced price(
      EventMetadata meta,
      String eventType,
      List<CompanyImpact> now,
      List<CompanyImpact> before,
      ProfileBook book) {
    Instant at = meta.getOccurredAt();
    Map<String, CompanyImpact> earlier = new LinkedHashMap<>();
    before.forEach(i -> earlier.put(i.company(), i));
    List<CompanyReaction> reactions = new ArrayList<>(now.size() + 1);
    Map<String, CompanyValue> contributions = new LinkedHashMap<>();
    for (CompanyImpact impact : now) {
      Units units = Units.of(impact, z).minus(earlier.remove(impact.company()), z);
      List<ImpactDriver> drivers = drivers(impact.drivers());
      if (before.stream().anyMatch(b -> b.company().equals(impact.company()))) {
        drivers.add(superseded(before, impact.company()));
      }
      price(meta, impact.company(), impact.role(), units, drivers, true, book, at)
          .ifPresent(p -> collect(p, reactions, contributions));
    }
    for (CompanyImpact gone : earlier.values()) {
      Units units = Units.reversal(gone, z);
      List<ImpactDriver> drivers = new ArrayList<>();
      drivers.add(new ImpactDriver(SUPERSEDED, gone.abnormalReturn(), ""));
      price(meta, gone.company(), gone.role(), units, drivers, false, book, at)
          .ifPresent(p -> collect(p, reactions, contributions));
    }
    EventReactions record =
        EventReactions.newBuilder()
            .setEventId(meta.getEventId())
            .setEventType(eventType)
            .setOccurredAt(at)
            .setModelVersion(modelVersion)
            .setTerms(List.of(new ImpactDriver(BAND_Z, z, "")))
            .setReactions(reactions)
            .build();
    return new Priced(record, contributions);
  }

  private static void collect(
      PricedCompany p, List<CompanyReaction> reactions, Map<String, CompanyValue> contributions) {
    reactions.add(p.reaction());
    contributions.put(p.reaction().getCompany(), p.contribution());
  }

  private Optional<PricedCompany> price(
      EventMetadata meta,
      String company,
      String role,
      Units u,
      List<ImpactDriver> drivers,
      boolean named,
      ProfileBook book,
      Instant at) {
    Optional<ProfileHistory.InEffect> inEffect = book.inEffect(company, at);
    Optional<Valuation> value = inEffect.flatMap(ie -> Valuation.of(ie.profile()));
    if (value.isEmpty()) {
      return Optional.empty();
    }
    long v = value.get().valueUsd();
    long dollars = FixedPoint.dollars(v, u.ret);
    CompanyReaction reaction =
        new CompanyReaction(
            company,
            role,
            value.get().basis(),
            inEffect.get().profile().getReferenceDate(),
            v,
            FixedPoint.ratio(u.ret),
            FixedPoint.ratio(u.low),
            FixedPoint.ratio(u.high),
            dollars,
            FixedPoint.dollars(v, u.low),
            FixedPoint.dollars(v, u.high),
            drivers);
    CompanyValue contribution =
        CompanyValue.change(
            new CompanyValue.Bucket(
                inEffect.get().profile().getReferenceDate(), inEffect.get().beforeAll()),
            value.get().basis(),
            v,
            u.ret,
            dollars,
            u.variance,
            named ? 1 : 0,
            named ? at : null,
            meta.getEventId());
    return Optional.of(new PricedCompany(reaction, contribution));
  }

  // The band's z is the event's shared term; explanations are in the model's documentation, not
  // repeated in every record.
  private static List<ImpactDriver> drivers(List<ImpactDriver> model) {
    List<ImpactDriver> out = new ArrayList<>(model.size() + 1);
    for (ImpactDriver d : model) {
      if (!d.getName().equals(BAND_Z)) {
        out.add(new ImpactDriver(d.getName(), d.getValue(), ""));
      }
    }
    return out;
  }

  private static ImpactDriver superseded(List<CompanyImpact> before, String company) {
    double priced =
        before.stream()
            .filter(b -> b.company().equals(company))
            .findFirst()
            .map(CompanyImpact::abnormalReturn)
            .orElse(0.0);
    return new ImpactDriver(SUPERSEDED, priced, "");
  }

  /** An event's reactions record and what it adds to each company's value. */
  public record Priced(EventReactions record, Map<String, CompanyValue> contributions) {}

  private record PricedCompany(CompanyReaction reaction, CompanyValue contribution) {}

  /** A reaction on the fixed-point grid: return, band and variance. */
  private record Units(long ret, long low, long high, long variance) {
    static Units of(CompanyImpact i, double z) {
      long low = FixedPoint.units(i.lowReturn());
      long high = FixedPoint.units(i.highReturn());
      return new Units(FixedPoint.units(i.abnormalReturn()), low, high, variance(low, high, z));
    }

    /** What this report adds to an earlier one's impact on the same company (null: none). */
    Units minus(CompanyImpact earlier, double z) {
      if (earlier == null) {
        return this;
      }
      Units e = of(earlier, z);
      return new Units(ret - e.ret, low - e.ret, high - e.ret, variance - e.variance);
    }

    /** Takes an earlier report's impact back, with its band's width. */
    static Units reversal(CompanyImpact earlier, double z) {
      Units e = of(earlier, z);
      long half = (e.high - e.low) / 2;
      return new Units(-e.ret, -e.ret - half, -e.ret + half, -e.variance);
    }

    // The band is mu -/+ z sigma, so sigma is its half-width over z.
    private static long variance(long low, long high, double z) {
      double sigma = FixedPoint.ratio(high - low) / (2 * z);
      return FixedPoint.units(sigma * sigma);
    }
  }
}
