package io.impactsim.views.events;

import io.impactsim.model.ImpactModel;
import io.impactsim.model.ProfileBook;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.views.marketcap.Reactions;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies restructurings: each is priced once, where it is processed. Restructurings carry no
 * revisions, so the only state is the set of event ids already applied.
 */
final class RestructuringHandler {
  static final String EVENT_TYPE = "restructuring";

  private final KeyValueStore<String, Long> seen;
  private final ImpactModel model;
  private final Reactions reactions;
  private final ProfileBook book;
  private final Outputs out;

  RestructuringHandler(
      KeyValueStore<String, Long> seen,
      ImpactModel model,
      Reactions reactions,
      ProfileBook book,
      Outputs out) {
    this.seen = seen;
    this.model = model;
    this.reactions = reactions;
    this.book = book;
    this.out = out;
  }

  /**
   * Applies a restructuring once; returns whether it was applied. One delivered again changes no
   * total; its reactions record is sent again as it stands ({@link Outputs#reactions}).
   */
  boolean apply(RestructuringAnnounced event) {
    String eventId = event.getMeta().getEventId();
    var impacts = model.restructuring(event, book.at(event.getMeta().getOccurredAt()));
    var priced = reactions.price(event.getMeta(), EVENT_TYPE, impacts, List.of(), book);
    if (seen.get(eventId) != null) {
      out.reactions(priced.record());
      return false;
    }
    out.publish(priced, Map.of());
    seen.put(eventId, event.getMeta().getOccurredAt().toEpochMilli());
    return true;
  }
}
