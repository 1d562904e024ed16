package io.impactsim.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.impactsim.schemas.json.AvroToJson;
import io.impactsim.schemas.keys.CompositeKey;
import io.impactsim.views.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The query API: each view read from the stores of whichever instance holds it. A key is answered
 * by the instance that owns it (this one, or one hop away); a listing gathers every instance's
 * part.
 */
final class ApiRoutes {
  private static final Comparator<JsonNode> BY_COMPANY = text("company");

  private final ViewQueries queries;
  private final Forwarder forwarder = new Forwarder();

  ApiRoutes(ViewQueries queries) {
    this.queries = queries;
  }

  void addTo(RoutesConfig routes) {
    routes.get("/api/market-share", this::marketShare);
    routes.get("/api/capex", ctx -> list(ctx, View.CAPEX, k -> true, BY_COMPANY));
    routes.get("/api/capex/{company}", ctx -> company(ctx, View.CAPEX));
    routes.get("/api/market-cap", ctx -> list(ctx, View.MARKET_CAP, k -> true, BY_COMPANY));
    routes.get("/api/market-cap/{company}", ctx -> company(ctx, View.MARKET_CAP));
    routes.get("/api/reactions", this::reactions);
  }

  private void marketShare(Context ctx) {
    Params.only(ctx, Set.of("segment", "quarter"));
    Optional<String> segment = Params.id(ctx, "segment");
    Optional<String> quarter = Params.quarter(ctx);
    Comparator<JsonNode> order = text("segment").thenComparing(text("period"));
    if (segment.isPresent() && quarter.isPresent()) {
      respond(ctx, keyed(ctx, View.MARKET_SHARE, CompositeKey.of(segment.get(), quarter.get())));
      return;
    }
    Predicate<String> keys =
        k -> {
          List<String> parts = CompositeKey.parts(k);
          return segment.map(parts.get(0)::equals).orElse(true)
              && quarter.map(parts.get(parts.size() - 1)::equals).orElse(true);
        };
    list(ctx, View.MARKET_SHARE, keys, order);
  }

  /**
   * Reactions, one row per event and company (the topic holds one record per event): an event's by
   * key; a company's by a scan of the events, which the instances holding them share.
   */
  private void reactions(Context ctx) {
    Params.only(ctx, Set.of("company", "event"));
    Optional<String> company = Params.id(ctx, "company");
    Optional<String> event = Params.event(ctx);
    Comparator<JsonNode> order =
        text("occurredAt").thenComparing(text("eventId")).thenComparing(BY_COMPANY);
    List<JsonNode> rows;
    if (event.isPresent()) {
      rows = keyed(ctx, View.REACTIONS, event.get());
    } else {
      rows = gathered(ctx, View.REACTIONS, k -> true);
    }
    rows.removeIf(r -> company.isPresent() && !r.path("company").asText().equals(company.get()));
    rows.sort(order);
    respond(ctx, rows);
  }

  private void company(Context ctx, View view) {
    Params.only(ctx, Set.of());
    String company = Params.company(ctx);
    List<JsonNode> rows = keyed(ctx, view, company);
    if (rows.isEmpty()) {
      throw ApiError.notFound("unknown company '" + company + "' in the " + view.id() + " view");
    }
    json(ctx, rows.get(0));
  }

  private void list(Context ctx, View view, Predicate<String> keys, Comparator<JsonNode> order) {
    List<JsonNode> rows = gathered(ctx, view, keys);
    rows.sort(order);
    respond(ctx, rows);
  }

  /** The rows of every entry whose key passes the filter, from this instance and its peers. */
  private List<JsonNode> gathered(Context ctx, View view, Predicate<String> keys) {
    List<JsonNode> rows = new ArrayList<>();
    queries.<SpecificRecord>scan(view, keys).forEach(kv -> rows.addAll(view.rows(kv.value)));
    if (!forwarded(ctx)) {
      for (HostInfo peer : queries.peers(view)) {
        forwarder.get(peer, pathAndQuery(ctx)).ifPresent(body -> rows.addAll(parse(body)));
      }
    }
    return rows;
  }

  /** The record of one key, as a list of zero or one, from whichever instance owns it. */
  private List<JsonNode> keyed(Context ctx, View view, String key) {
    Optional<HostInfo> owner = forwarded(ctx) ? Optional.empty() : queries.owner(view, key);
    if (owner.isPresent()) {
      return forwarder
          .get(owner.get(), pathAndQuery(ctx))
          .map(ApiRoutes::parse)
          .orElseGet(ArrayList::new);
    }
    return queries
        .<SpecificRecord>get(view, key)
        .map(r -> new ArrayList<>(view.rows(r)))
        .orElseGet(ArrayList::new);
  }

  private static boolean forwarded(Context ctx) {
    return Forwarder.LOCAL.equals(ctx.header(Forwarder.SCOPE_HEADER));
  }

  private static String pathAndQuery(Context ctx) {
    String query = ctx.queryString();
    return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
  }

  private static List<JsonNode> parse(String body) {
    try {
      JsonNode node = AvroToJson.MAPPER.readTree(body);
      List<JsonNode> rows = new ArrayList<>();
      if (node.isArray()) {
        node.forEach(rows::add);
      } else {
        rows.add(node);
      }
      return rows;
    } catch (JsonProcessingException e) {
      throw ApiError.unavailable("another instance gave an unreadable answer");
    }
  }

  private static void respond(Context ctx, List<JsonNode> rows) {
    ArrayNode array = AvroToJson.MAPPER.createArrayNode();
    rows.forEach(array::add);
    json(ctx, array);
  }

  static void json(Context ctx, JsonNode body) {
    ctx.contentType(ApiError.CONTENT_TYPE).result(body.toString());
  }

  private static Comparator<JsonNode> text(String field) {
    return Comparator.comparing(n -> n.path(field).asText(""));
  }
}
