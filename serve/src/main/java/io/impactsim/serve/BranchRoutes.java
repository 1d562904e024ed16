package io.impactsim.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.impactsim.schemas.json.AvroToJson;
import io.impactsim.views.BranchViews;
import io.impactsim.views.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The views of what-if branches, read from their topics on request: {@code /api/branches} lists
 * them, {@code /api/branches/{name}/{view}} answers a view in the rows of the live API.
 */
final class BranchRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(BranchRoutes.class);
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-]{1,60}");
  private static final Comparator<JsonNode> REACTION_ORDER =
      text("occurredAt").thenComparing(text("eventId")).thenComparing(text("company"));

  private final BranchViews branches;

  BranchRoutes(BranchViews branches) {
    this.branches = branches;
  }

  void addTo(RoutesConfig routes) {
    routes.get("/api/branches", this::list);
    routes.get("/api/branches/{branch}/{view}", this::view);
  }

  private void list(Context ctx) {
    Params.only(ctx, Set.of());
    ArrayNode names = AvroToJson.MAPPER.createArrayNode();
    read("list the what-if branches", branches::names).forEach(names::add);
    ApiRoutes.json(ctx, names);
  }

  private void view(Context ctx) {
    Params.only(ctx, Set.of());
    String branch = ctx.pathParam("branch");
    if (!NAME.matcher(branch).matches()) {
      throw ApiError.badRequest("branch must be 1-60 letters, digits and '-'");
    }
    View view =
        View.byId(ctx.pathParam("view"))
            .orElseThrow(
                () ->
                    ApiError.notFound(
                        "no view '"
                            + ctx.pathParam("view")
                            + "'; views are market-share, capex, market-cap, reactions"));
    List<SpecificRecord> records =
        read("read what-if branch " + branch, () -> branches.read(branch, view))
            .orElseThrow(() -> ApiError.notFound("no what-if branch '" + branch + "'"));
    List<JsonNode> rows = new ArrayList<>();
    records.forEach(r -> rows.addAll(view.rows(r)));
    if (view == View.REACTIONS) {
      rows.sort(REACTION_ORDER);
    }
    ArrayNode array = AvroToJson.MAPPER.createArrayNode();
    rows.forEach(array::add);
    ApiRoutes.json(ctx, array);
  }

  private interface Read<T> {
    T get() throws Exception;
  }

  private static <T> T read(String what, Read<T> read) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.unavailable("interrupted");
    } catch (ApiError e) {
      throw e;
    } catch (Exception e) {
      LOG.warn("cannot {}: {}", what, e.toString());
      throw ApiError.unavailable("cannot " + what + " now; try again later");
    }
  }

  private static Comparator<JsonNode> text(String field) {
    return Comparator.comparing(n -> n.path(field).asText(""));
  }
}
