package io.impactsim.model;

import io.impactsim.schemas.avro.RestructuringKind;
import io.impactsim.schemas.avro.ValueQualifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Every parameter of the impact model, read from one properties file: the bundled {@code
 * impact-model.properties} holds the documented defaults and a user file may override any of them.
 */
public record ImpactModelConfig(
    String modelVersion,
    double bandZ,
    DealParameters deal,
    EarningsParameters earnings,
    RestructuringParameters restructuring) {

  /** The bundled file with every parameter and its default. */
  public static final String RESOURCE = "/impact-model.properties";

  /** Dispersion of an abnormal return around its expected value: base + relative x |mu|. */
  public record Sigma(double base, double relative) {
    public double of(double expectedReturn) {
      return base + relative * Math.abs(expectedReturn);
    }
  }

  /**
   * What an undisclosed deal is taken to be worth from what it does say: capacity in GW, counts of
   * accelerators, or nothing at all.
   *
   * @param acceleratorUsd price per accelerator by model name in upper case
   */
  public record ImpliedValues(
      double usdPerGw,
      Map<String, Double> acceleratorUsd,
      double acceleratorDefaultUsd,
      double undisclosedUsd) {
    public ImpliedValues {
      acceleratorUsd = Map.copyOf(acceleratorUsd);
    }

    /** The price of one accelerator of a model, the default for a model not listed. */
    public double priceOf(String model) {
      return acceleratorUsd.getOrDefault(
          model.toUpperCase(java.util.Locale.ROOT), acceleratorDefaultUsd);
    }
  }

  /** Parameters of deal announcements. */
  public record DealParameters(
      double baseCar,
      double sizeCoefficient,
      double sizeExponent,
      double termReferenceMonths,
      double termElasticity,
      double termMinFactor,
      double linkedSizeExponent,
      double buyerCar,
      double buyerSizeCoefficient,
      double supplierSizeCoefficient,
      double partyCar,
      double partySizeCoefficient,
      double rivalSpilloverRate,
      int maxRivals,
      double maxAbsReturn,
      Sigma sigma,
      Map<ValueQualifier, Double> qualifierWeights,
      ImpliedValues implied) {
    public DealParameters {
      qualifierWeights = Map.copyOf(qualifierWeights);
    }

    public double qualifierWeight(ValueQualifier qualifier) {
      return qualifierWeights.get(qualifier);
    }
  }

  /** Parameters of earnings reports. */
  public record EarningsParameters(
      double erc,
      double revenueResponse,
      double guidanceResponse,
      double growthResponse,
      double capexResponse,
      double peerResponse,
      int maxPeers,
      double surpriseCap,
      int trendQuarters,
      int historyQuarters,
      double maxAbsReturn,
      Sigma sigma) {}

  /** Abnormal returns of the parties to one kind of restructuring. */
  public record KindEffect(double company, double affected, double rivalProviders) {}

  /** Parameters of restructurings. */
  public record RestructuringParameters(
      Map<RestructuringKind, KindEffect> effects,
      double stakeWeight,
      double maxAbsReturn,
      Sigma sigma) {
    public RestructuringParameters {
      effects = Map.copyOf(effects);
    }

    public KindEffect effect(RestructuringKind kind) {
      return effects.get(kind);
    }
  }

  /** The bundled defaults. */
  public static ImpactModelConfig defaults() {
    return fromProperties(bundledProperties(), RESOURCE);
  }

  /** The bundled defaults overridden by the parameters of a user file. */
  public static ImpactModelConfig load(Path file) {
    return fromProperties(properties(file), file.toString());
  }

  /**
   * The bundled parameters overridden by those of a user file, unchecked; an unknown key in the
   * file is refused.
   */
  public static Properties properties(Path file) {
    Properties merged = bundledProperties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties user = new Properties();
      user.load(reader);
      Properties known = bundledProperties();
      for (String key : user.stringPropertyNames()) {
        if (!known.containsKey(key)) {
          throw new IllegalArgumentException(file + ": unknown parameter '" + key + "'");
        }
        merged.setProperty(key, user.getProperty(key));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read impact model parameters from " + file, e);
    }
    return merged;
  }

  /** A configuration from a complete set of parameters; {@code origin} names them in errors. */
  public static ImpactModelConfig fromProperties(Properties properties, String origin) {
    ConfigReader r = new ConfigReader(properties, origin);
    ImpactModelConfig config =
        new ImpactModelConfig(
            r.text("model.version"),
            r.positive("band.z"),
            deal(r),
            earnings(r, origin),
            restructuring(r));
    r.rejectUnknownKeys();
    return config;
  }

  /** Accelerator models with a bundled price; a user file may change their prices. */
  public static final java.util.List<String> PRICED_ACCELERATORS =
      java.util.List.of("H100", "H200", "B200", "MI300X");

  private static DealParameters deal(ConfigReader r) {
    Map<ValueQualifier, Double> weights = new EnumMap<>(ValueQualifier.class);
    for (ValueQualifier q : ValueQualifier.values()) {
      weights.put(q, r.nonNegative("deal.qualifier." + q.name()));
    }
    Map<String, Double> prices = new java.util.TreeMap<>();
    for (String model : PRICED_ACCELERATORS) {
      prices.put(model, r.positive("deal.implied.accelerator_usd." + model));
    }
    ImpliedValues implied =
        new ImpliedValues(
            r.positive("deal.implied.usd_per_gw"),
            prices,
            r.positive("deal.implied.accelerator_usd.default"),
            r.positive("deal.implied.undisclosed_usd"));
    return new DealParameters(
        r.number("deal.base_car"),
        r.number("deal.size_coefficient"),
        r.positive("deal.size_exponent"),
        r.positive("deal.term.reference_months"),
        r.number("deal.term.elasticity"),
        r.nonNegative("deal.term.min_factor"),
        r.positive("deal.linked_size_exponent"),
        r.number("deal.buyer_car"),
        r.number("deal.buyer_size_coefficient"),
        r.number("deal.supplier_size_coefficient"),
        r.number("deal.party_car"),
        r.number("deal.party_size_coefficient"),
        r.number("deal.rival_spillover_rate"),
        r.count("deal.rivals.max"),
        r.returnBound("deal.max_abs_return"),
        sigma(r, "deal"),
        weights,
        implied);
  }

  private static EarningsParameters earnings(ConfigReader r, String origin) {
    EarningsParameters p =
        new EarningsParameters(
            r.number("earnings.erc"),
            r.number("earnings.revenue_response"),
            r.number("earnings.guidance_response"),
            r.number("earnings.growth_response"),
            r.number("earnings.capex_response"),
            r.number("earnings.peer_response"),
            r.count("earnings.peers.max"),
            r.positive("earnings.surprise_cap"),
            r.count("earnings.trend.quarters"),
            r.count("earnings.history.quarters"),
            r.returnBound("earnings.max_abs_return"),
            sigma(r, "earnings"));
    if (p.historyQuarters() <= p.trendQuarters()) {
      throw new IllegalArgumentException(
          origin + ": earnings.history.quarters must exceed earnings.trend.quarters");
    }
    return p;
  }

  private static RestructuringParameters restructuring(ConfigReader r) {
    Map<RestructuringKind, KindEffect> effects = new EnumMap<>(RestructuringKind.class);
    for (RestructuringKind kind : RestructuringKind.values()) {
      String prefix = "restructuring." + kind.name() + ".";
      effects.put(
          kind,
          new KindEffect(
              r.number(prefix + "company"),
              r.number(prefix + "affected"),
              r.number(prefix + "rival_providers")));
    }
    return new RestructuringParameters(
        effects,
        r.number("restructuring.stake_weight"),
        r.returnBound("restructuring.max_abs_return"),
        sigma(r, "restructuring"));
  }

  private static Sigma sigma(ConfigReader r, String section) {
    return new Sigma(
        r.nonNegative(section + ".sigma.base"), r.nonNegative(section + ".sigma.relative"));
  }

  /** The bundled parameters, a fresh copy on each call. */
  public static Properties bundledProperties() {
    try (InputStream in = ImpactModelConfig.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
