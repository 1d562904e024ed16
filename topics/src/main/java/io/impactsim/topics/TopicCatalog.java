package io.impactsim.topics;

import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.serde.RegistryAvroSerde;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of impactsim, named {@code <prefix>.<topic>.v<major>}. The prefix separates
 * namespaces on one cluster (the live views, a replay, a what-if branch, a test); the major version
 * changes only with an incompatible change of a topic's contract.
 */
public final class TopicCatalog {
  /** Prefix of the live namespace. */
  public static final String DEFAULT_PREFIX = "impactsim";

  private static final Pattern PREFIX = Pattern.compile("[a-zA-Z0-9.-]{1,100}");

  private final String prefix;
  private final Topic<String, DealAnnounced> deals;
  private final Topic<String, RestructuringAnnounced> restructurings;
  private final Topic<String, EarningsReported> earnings;
  private final Topic<String, CompanyProfile> companies;
  private final Topic<String, MarketShareSnapshot> marketShare;
  private final Topic<String, CapexCommitments> capex;
  private final Topic<String, EventReactions> marketCapReactions;
  private final Topic<String, SimulatedMarketCap> marketCap;
  private final Topic<byte[], byte[]> deadLetters;

  private TopicCatalog(String prefix, SchemaRegistry registry, boolean autoRegister) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "topic prefix '"
              + prefix
              + "' must be 1-100 characters of [a-zA-Z0-9.-] (no '_': Kafka's metric names confuse it with '.')");
    }
    this.prefix = prefix;
    Factory f = new Factory(prefix, registry, autoRegister);
    deals = f.avro("deals", 1, TopicKind.EVENT_LOG, DealAnnounced.class);
    restructurings = f.avro("restructurings", 1, TopicKind.EVENT_LOG, RestructuringAnnounced.class);
    earnings = f.avro("earnings", 1, TopicKind.EVENT_LOG, EarningsReported.class);
    companies = f.avro("companies", 1, TopicKind.REFERENCE, CompanyProfile.class);
    marketShare = f.avro("market-share", 1, TopicKind.VIEW, MarketShareSnapshot.class);
    capex = f.avro("capex", 1, TopicKind.VIEW, CapexCommitments.class);
    marketCapReactions = f.avro("market-cap-reactions", 2, TopicKind.VIEW, EventReactions.class);
    marketCap = f.avro("market-cap", 1, TopicKind.VIEW, SimulatedMarketCap.class);
    deadLetters =
        new Topic<>(
            f.name("dead-letters", 1),
            TopicKind.DEAD_LETTER,
            Serdes.ByteArray(),
            Serdes.ByteArray());
  }

  /**
   * The catalogue of a namespace.
   *
   * @param autoRegister whether serializers register their schema on first write
   */
  public static TopicCatalog create(String prefix, SchemaRegistry registry, boolean autoRegister) {
    return new TopicCatalog(prefix, registry, autoRegister);
  }

  /**
   * The catalogue of a namespace for what needs only its topics' names, kinds and configurations
   * (progress, resets, administration): no registry is involved, and its serdes refuse to run.
   */
  public static TopicCatalog names(String prefix) {
    return new TopicCatalog(prefix, null, false);
  }

  public String prefix() {
    return prefix;
  }

  /** Deal announcements, keyed by contract id (or deal id when the contract has none). */
  public Topic<String, DealAnnounced> deals() {
    return deals;
  }

  /** Restructurings, keyed by the restructured company. */
  public Topic<String, RestructuringAnnounced> restructurings() {
    return restructurings;
  }

  /** Earnings reports, keyed by company. */
  public Topic<String, EarningsReported> earnings() {
    return earnings;
  }

  /** Company profiles, keyed by company id; every profile is kept (each is valid from its date). */
  public Topic<String, CompanyProfile> companies() {
    return companies;
  }

  /** Market-share snapshots, keyed by {@code <segment>|<period>}. */
  public Topic<String, MarketShareSnapshot> marketShare() {
    return marketShare;
  }

  /** Capex commitments, keyed by company. */
  public Topic<String, CapexCommitments> capex() {
    return capex;
  }

  /**
   * Market-cap reactions, one record per event listing every affected company, keyed by event id.
   */
  public Topic<String, EventReactions> marketCapReactions() {
    return marketCapReactions;
  }

  /** Simulated market caps, keyed by company. */
  public Topic<String, SimulatedMarketCap> marketCap() {
    return marketCap;
  }

  /** Records the views could not use, with the original bytes and the reason in headers. */
  public Topic<byte[], byte[]> deadLetters() {
    return deadLetters;
  }

  /** The input event topics. */
  public List<Topic<String, ? extends SpecificRecord>> inputs() {
    return List.of(deals, restructurings, earnings, companies);
  }

  /** The view topics the streams application writes. */
  public List<Topic<String, ? extends SpecificRecord>> views() {
    return List.of(marketShare, capex, marketCapReactions, marketCap);
  }

  /** Every topic, inputs first. */
  public List<Topic<?, ?>> all() {
    return List.of(
        deals,
        restructurings,
        earnings,
        companies,
        marketShare,
        capex,
        marketCapReactions,
        marketCap,
        deadLetters);
  }

  private static IllegalStateException noRegistry(Class<?> type) {
    return new IllegalStateException(
        "this topic catalogue only names topics and has no schema registry to read or write "
            + type.getSimpleName()
            + " records: create it with TopicCatalog.create(prefix, registry, autoRegister)");
  }

  private record Factory(String prefix, SchemaRegistry registry, boolean autoRegister) {
    String name(String base, int major) {
      return prefix + "." + base + ".v" + major;
    }

    <V extends SpecificRecord> Topic<String, V> avro(
        String base, int major, TopicKind kind, Class<V> type) {
      Serde<V> serde =
          registry == null
              ? Serdes.serdeFrom(
                  (topic, value) -> {
                    throw noRegistry(type);
                  },
                  (topic, bytes) -> {
                    throw noRegistry(type);
                  })
              : new RegistryAvroSerde<>(type, registry, false, autoRegister);
      return new Topic<>(name(base, major), kind, Serdes.String(), serde);
    }
  }
}
