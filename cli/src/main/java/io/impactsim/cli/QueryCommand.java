package io.impactsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.json.AvroToJson;
import io.impactsim.schemas.json.JsonToAvro;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Asks a running application's query API for a view and prints it as a table (or JSON). */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Print a view as the running streams application serves it (impactsim streams or impactsim"
          + " demo --serve): market-share, capex, market-cap or reactions.",
      "Any instance answers for every key; it asks the instance that holds it."
    })
final class QueryCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Parameters(
      index = "0",
      paramLabel = "VIEW",
      description = "market-share, capex, market-cap or reactions.")
  String view;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "COMPANY",
      description = "Only this company (capex, market-cap, reactions).")
  String company;

  @Option(
      names = "--url",
      defaultValue = "${env:IMPACTSIM_API_URL:-http://127.0.0.1:8080}",
      description = "Base URL of the query API (env IMPACTSIM_API_URL; default: ${DEFAULT-VALUE}).")
  String url;

  @Option(names = "--segment", description = "market-share: only this segment.")
  String segment;

  @Option(
      names = "--quarter",
      description = "market-share: only this period, e.g. 2025-Q3 or ALL (all time).")
  String quarter;

  @Option(names = "--event", description = "reactions: only this event id.")
  String event;

  @Option(names = "--json", description = "Print the API's JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String path = path();
    JsonNode answer = get(path);
    if (json) {
      System.out.println(answer.toPrettyString());
      return 0;
    }
    System.out.print(render(answer));
    return 0;
  }

  private String path() {
    Map<String, String> query = new LinkedHashMap<>();
    switch (view) {
      case "market-share" -> {
        refuse(company, "a company");
        put(query, "segment", segment);
        put(query, "quarter", quarter);
        return "/api/market-share" + queryString(query);
      }
      case "capex", "market-cap" -> {
        return "/api/" + view + (company == null ? "" : "/" + encode(company));
      }
      case "reactions" -> {
        put(query, "company", company);
        put(query, "event", event);
        return "/api/reactions" + queryString(query);
      }
      default ->
          throw new IllegalArgumentException(
              "unknown view '" + view + "': expected market-share, capex, market-cap or reactions");
    }
  }

  private String render(JsonNode answer) {
    List<JsonNode> rows = new ArrayList<>();
    if (answer.isArray()) {
      answer.forEach(rows::add);
    } else {
      rows.add(answer);
    }
    if (rows.isEmpty()) {
      return "No " + view + " records yet.\n";
    }
    return switch (view) {
      case "market-share" ->
          rows.stream()
              .map(r -> MarketShareTable.render(decode(r, MarketShareSnapshot.getClassSchema())))
              .collect(Collectors.joining("\n"));
      case "capex" -> CapexTable.render(decodeAll(rows, CapexCommitments.getClassSchema()));
      case "market-cap" ->
          MarketCapTable.render(decodeAll(rows, SimulatedMarketCap.getClassSchema()));
      default -> ReactionsTable.render(rows);
    };
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    URI uri = URI.create(url.replaceAll("/+$", "") + path);
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpResponse<String> response;
    try {
      response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IOException(
          "cannot reach the query API at "
              + url
              + " (is `impactsim streams` or `impactsim demo --serve` running?)",
          e);
    }
    JsonNode body = readJson(response.body());
    if (response.statusCode() != 200) {
      String message = body == null ? response.body() : body.path("message").asText();
      throw new IllegalStateException(
          "the query API answered " + response.statusCode() + ": " + message);
    }
    if (body == null) {
      throw new IllegalStateException("the query API gave an answer that is not JSON");
    }
    return body;
  }

  private static JsonNode readJson(String text) {
    try {
      return AvroToJson.MAPPER.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static <T extends SpecificRecord> T decode(JsonNode row, Schema schema) {
    return JsonToAvro.read(row, schema);
  }

  private static <T extends SpecificRecord> List<T> decodeAll(List<JsonNode> rows, Schema schema) {
    List<T> out = new ArrayList<>();
    rows.forEach(r -> out.add(decode(r, schema)));
    return out;
  }

  private void refuse(String value, String what) {
    if (value != null) {
      throw new IllegalArgumentException(view + " takes no " + what);
    }
  }

  private static void put(Map<String, String> query, String name, String value) {
    if (value != null && !value.isBlank()) {
      query.put(name, value);
    }
  }

  private static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner("&", "?", "");
    query.forEach((k, v) -> joined.add(k + "=" + encode(v)));
    return joined.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
