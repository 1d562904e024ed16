package io.impactsim.views.read;

import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.EventReactions;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.topics.config.KafkaSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;

/**
 * The four views of a namespace as maps of their latest value per key, in key order.
 *
 * @param marketShare keyed by {@code <segment>|<period>}
 * @param capex keyed by company
 * @param reactions keyed by event id
 * @param marketCap keyed by company
 */
public record ViewSet(
    Map<String, MarketShareSnapshot> marketShare,
    Map<String, CapexCommitments> capex,
    Map<String, EventReactions> reactions,
    Map<String, SimulatedMarketCap> marketCap) {

  /** Reads the views of the settings' namespace. */
  public static ViewSet read(KafkaSettings settings, Duration timeout) throws TimeoutException {
    try (SchemaRegistry registry = settings.schemaRegistry()) {
      TopicCatalog topics = TopicCatalog.create(settings.topicPrefix(), registry, false);
      return new ViewSet(
          ViewReader.read(settings, topics.marketShare(), timeout),
          ViewReader.read(settings, topics.capex(), timeout),
          ViewReader.read(settings, topics.marketCapReactions(), timeout),
          ViewReader.read(settings, topics.marketCap(), timeout));
    }
  }

  /** Every view by its name (market-share, capex, reactions, market-cap). */
  public Map<String, Map<String, ? extends SpecificRecord>> byName() {
    Map<String, Map<String, ? extends SpecificRecord>> out = new LinkedHashMap<>();
    out.put("market-share", marketShare);
    out.put("capex", capex);
    out.put("reactions", reactions);
    out.put("market-cap", marketCap);
    return out;
  }
}
