package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactsim.sandbox.junit.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} (and its name {@code demo}) on an embedded cluster, end to end. */
@IntegrationTest
class RunCommandTest {
  @TempDir Path dir;

  @Test
  void demoPrintsTheMarketShareOfTheBundledHistoryFromAnEmbeddedCluster() {
    CommandRun result = execute("demo");

    assertThat(result.exit()).as("exit code; stderr: %s", result.err()).isZero();
    assertThat(result.out()).contains("Market share of committed compute spend: ai-compute-cloud");
    assertThat(result.out()).contains("AWS").contains("$38.0B");
    assertThat(result.out()).contains("Oracle");
  }

  @Test
  void runPrintsTheViewsOfTheUsersOwnHistory() throws Exception {
    Path companies = dir.resolve("companies.jsonl");
    Files.write(
        companies,
        List.of(
            company("northwind", "Northwind Compute", "NWC", 80_000_000_000L, "CLOUD_PROVIDER"),
            company("southlake", "Southlake Labs", "SLAB", 20_000_000_000L, "AI_LAB")));
    Path deals = dir.resolve("deals.jsonl");
    Files.write(
        deals,
        List.of(
            "{\"formatVersion\": 1, \"type\": \"deal\", \"eventId\": \"nw-sl-1\","
                + " \"occurredAt\": \"2024-03-04T13:00:00Z\", \"source\": \"test\","
                + " \"dealId\": \"nw-sl-1\", \"contractId\": \"nw-sl\", \"buyer\": \"southlake\","
                + " \"provider\": \"northwind\", \"segment\": \"ai-compute-cloud\","
                + " \"kind\": \"CLOUD_CAPACITY\", \"valueUsd\": 6000000000,"
                + " \"valueQualifier\": \"EXACT\", \"termMonths\": 36,"
                + " \"startDate\": \"2024-04-01\"}"));

    CommandRun result = execute("run", "--history", companies.toString(), deals.toString());

    assertThat(result.exit()).as("exit code; stderr: %s", result.err()).isZero();
    assertThat(result.out()).contains("History: published 3 events (deal 1,");
    assertThat(result.out())
        .contains(
            "Market share of committed compute spend: ai-compute-cloud (all time), total $6.0B")
        .containsPattern("\\| 1 \\| northwind +\\| +\\$6\\.0B \\|");
    assertThat(result.out()).containsPattern("\\| 2024-03-04 \\| nw-sl-1 +\\| northwind ");
    assertThat(result.out()).containsPattern("\\| southlake +\\| +\\$20\\.0B \\|");
  }

  @Test
  void anInvalidHistoryIsRefusedBeforeAnyBrokerStarts() throws Exception {
    Path deals = dir.resolve("deals.jsonl");
    Files.write(
        deals,
        List.of(
            "{\"formatVersion\": 1, \"type\": \"deal\", \"eventId\": \"orphan\","
                + " \"occurredAt\": \"2024-03-04T13:00:00Z\", \"source\": \"test\","
                + " \"dealId\": \"orphan\", \"buyer\": \"nobody\", \"provider\": \"noone\","
                + " \"segment\": \"ai-compute-cloud\", \"kind\": \"CLOUD_CAPACITY\","
                + " \"valueUsd\": 1000, \"valueQualifier\": \"EXACT\"}"));

    CommandRun result = execute("run", "--history", deals.toString());

    assertThat(result.exit()).isEqualTo(ProduceCommand.INVALID_INPUT);
    assertThat(result.err())
        .contains(deals + ":1:")
        .contains("unknown company")
        .contains("nothing published");
    assertThat(result.out()).doesNotContain("Starting an embedded Kafka broker");
  }

  private static String company(
      String id, String name, String ticker, long marketCap, String role) {
    return "{\"formatVersion\": 1, \"type\": \"company\", \"eventId\": \"company-"
        + id
        + "\", \"occurredAt\": \"2024-01-02T21:00:00Z\", \"source\": \"test\", \"id\": \""
        + id
        + "\", \"name\": \""
        + name
        + "\", \"ticker\": \""
        + ticker
        + "\", \"listed\": true, \"referenceDate\": \"2024-01-02\", \"marketCapUsd\": "
        + marketCap
        + ", \"roles\": [\""
        + role
        + "\"], \"segments\": [\"ai-compute-cloud\"]}";
  }

  private static CommandRun execute(String... args) {
    return CommandRun.withStandardOutput(args);
  }
}
