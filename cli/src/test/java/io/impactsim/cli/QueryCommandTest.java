package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.schemas.json.AvroToJson;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code impactsim query} against a stand-in for the query API. */
class QueryCommandTest {
  private Javalin api;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void startApi() {
    String openai = AvroToJson.toJson(marketCap()).toString();
    api =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  cfg.jetty.host = "127.0.0.1";
                  cfg.jetty.port = 0;
                  cfg.routes.get(
                      "/api/market-cap",
                      ctx -> ctx.contentType("application/json").result("[" + openai + "]"));
                  cfg.routes.get(
                      "/api/market-cap/openai",
                      ctx -> ctx.contentType("application/json").result(openai));
                  cfg.routes.get(
                      "/api/market-cap/nobody",
                      ctx ->
                          ctx.status(404)
                              .contentType("application/json")
                              .result("{\"status\":404,\"message\":\"unknown company 'nobody'\"}"));
                })
            .start();
  }

  @AfterEach
  void stopApi() {
    api.stop();
  }

  @Test
  void printsAViewOfTheApiAsATable() {
    assertThat(run("query", "market-cap", "openai", "--url", url())).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("openai").contains("$500.0B");
  }

  @Test
  void printsTheApisJsonOnRequest() {
    assertThat(run("query", "market-cap", "--json", "--url", url())).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"company\" : \"openai\"");
  }

  @Test
  void reportsTheApisMessageWhenItRefuses() {
    assertThat(run("query", "market-cap", "nobody", "--url", url())).isEqualTo(1);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("the query API answered 404: unknown company 'nobody'");
  }

  @Test
  void refusesAnUnknownView() {
    assertThat(run("query", "prices", "--url", url())).isEqualTo(1);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown view 'prices'");
  }

  private int run(String... args) {
    PrintStream originalOut = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      var cli = Impactsim.commandLine();
      cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
      return cli.execute(args);
    } finally {
      System.setOut(originalOut);
    }
  }

  private String url() {
    return "http://127.0.0.1:" + api.port();
  }

  private static SimulatedMarketCap marketCap() {
    return SimulatedMarketCap.newBuilder()
        .setCompany("openai")
        .setAsOf(Instant.parse("2025-11-03T14:30:00Z"))
        .setValuationBasis(ValuationBasis.IMPLIED_VALUATION)
        .setReferenceValueUsd(500_000_000_000L)
        .setSimulatedValueUsd(500_000_000_000L)
        .setCumulativeAbnormalReturn(0.0)
        .setLowValueUsd(475_000_000_000L)
        .setHighValueUsd(525_000_000_000L)
        .setEventCount(1)
        .setLastEventId("deal-1")
        .build();
  }
}
