package io.impactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.cli.DockerStackCommands.EnvOption;
import io.impactsim.sandbox.FreePorts;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the Docker stack under {@code docker/} against the application it runs, since no Docker
 * engine runs in the build: settings, ports, topics, images, start order, and the metrics the
 * dashboard queries, scraped from the image's entrypoint command run on a real broker.
 */
@KafkaSandboxTest
class DockerStackConsistencyTest {
  /** The options of {@code impactsim streams} the stack configures its HTTP server with. */
  private static final List<String> HTTP_OPTIONS =
      List.of("--http-host", "--http-port", "--advertised-host");

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final DockerStackFiles stack = DockerStackFiles.ofRepository();

  @Test
  void streamsCommandHasTheHttpOptionsTheStackConfigures() {
    List<String> missing =
        HTTP_OPTIONS.stream()
            .filter(name -> DockerStackCommands.option("streams", name).isEmpty())
            .toList();

    assertThat(missing)
        .as(
            "options of 'impactsim streams' (each with a ${env:IMPACTSIM_...} default) that the"
                + " stack relies on but the command lacks; it reads %s",
            DockerStackCommands.environmentOf("streams").values())
        .isEmpty();
  }

  @Test
  void composeSetsOnlyEnvironmentVariablesTheCommandReads() {
    stack
        .appServices()
        .forEach(
            (name, service) -> {
              String subcommand = DockerStackFiles.command(service).get(0);
              Set<String> read = DockerStackCommands.environmentOf(subcommand).keySet();
              Set<String> set = DockerStackFiles.environment(service).keySet();
              assertThat(set)
                  .as("IMPACTSIM_* variables service %s sets for 'impactsim %s'", name, subcommand)
                  .allMatch(v -> !v.startsWith("IMPACTSIM_") || read.contains(v), "read by it");
            });
    assertThat(stack.appServicesRunning("streams")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(stack.appServicesRunning("produce")).hasSize(1);
  }

  @Test
  void replicasDifferOnlyInTheirHostNameAndHostPort() {
    Map<String, JsonNode> replicas = stack.appServicesRunning("streams");
    Set<String> hostPorts = new TreeSet<>();
    Map<String, String> shared = null;
    for (Map.Entry<String, JsonNode> replica : replicas.entrySet()) {
      JsonNode service = replica.getValue();
      Map<String, String> env = new TreeMap<>(DockerStackFiles.environment(service));
      assertThat(env.remove("IMPACTSIM_ADVERTISED_HOST"))
          .as("advertised host of %s", replica.getKey())
          .isEqualTo(service.path("hostname").asText());
      shared = shared == null ? env : shared;
      assertThat(env).as("settings of %s", replica.getKey()).isEqualTo(shared);
      service.path("ports").forEach(p -> hostPorts.add(p.asText().split(":")[0]));
    }
    assertThat(hostPorts).as("host ports of the replicas").hasSize(replicas.size());
  }

  @Test
  void streamsReplicasAreGivenMoreTimeToStopThanTheirCloseMayTake() {
    stack
        .appServicesRunning("streams")
        .forEach(
            (name, service) -> {
              String grace = service.path("stop_grace_period").asText("");
              assertThat(grace).as("stop_grace_period of %s", name).matches("\\d+s");
              assertThat(Duration.ofSeconds(Long.parseLong(grace.replace("s", ""))))
                  .as("stop_grace_period of %s", name)
                  .isGreaterThan(BoundedShutdown.BOUND);
            });
  }

  @Test
  void composePrometheusAndGrafanaAgreeOnPorts() {
    Set<String> replicas = new TreeSet<>();
    stack
        .appServicesRunning("streams")
        .forEach(
            (name, service) -> {
              int port = httpPort(service);
              assertThat(containerPorts(service)).as("ports of %s", name).containsExactly(port);
              assertThat(String.join(" ", texts(service.path("healthcheck").path("test"))))
                  .as("health check of %s", name)
                  .contains("http://localhost:" + port + "/ready");
              replicas.add(service.path("hostname").asText() + ":" + port);
            });
    JsonNode job = stack.prometheus().path("scrape_configs").get(0);
    assertThat(job.path("metrics_path").asText()).isEqualTo("/metrics");
    Set<String> targets = new TreeSet<>();
    job.path("static_configs").forEach(c -> targets.addAll(texts(c.path("targets"))));
    assertThat(targets).as("Prometheus targets").isEqualTo(replicas);

    JsonNode prometheus = stack.compose().path("services").path("prometheus");
    JsonNode datasource = stack.grafanaDatasources().path("datasources").get(0);
    assertThat(datasource.path("url").asText())
        .isEqualTo("http://prometheus:" + containerPorts(prometheus).get(0));
    assertThat(stack.dashboard().findValues("uid"))
        .as("data sources of the dashboard")
        .filteredOn(uid -> !uid.asText().equals(stack.dashboard().path("uid").asText()))
        .allMatch(uid -> uid.asText().equals(datasource.path("uid").asText()));
    assertThat(texts(stack.compose().path("services").path("grafana").path("volumes")))
        .contains(
            "./grafana/dashboards:"
                + stack.grafanaDashboardProviders().at("/providers/0/options/path").asText()
                + ":ro");
  }

  @Test
  void addressesGivenToTheApplicationNameServicesOfTheStack() {
    Set<String> services = new TreeSet<>();
    stack.compose().path("services").fieldNames().forEachRemaining(services::add);
    stack
        .appServices()
        .forEach(
            (name, service) -> {
              Map<String, String> env = DockerStackFiles.environment(service);
              String kafka = env.get("IMPACTSIM_BOOTSTRAP_SERVERS").split(":")[0];
              URI registry = URI.create(env.get("IMPACTSIM_SCHEMA_REGISTRY_URL"));
              assertThat(List.of(kafka, registry.getHost())).as(name).isSubsetOf(services);
              assertThat(registry.getPath()).isEqualTo("/apis/ccompat/v7");
            });
  }

  @Test
  void topicNamesInTheStackComeFromTheCatalogue() {
    String prefix =
        DockerStackCommands.environmentOf("streams")
            .get("IMPACTSIM_TOPIC_PREFIX")
            .defaultValue()
            .orElseThrow();
    Set<String> catalogue =
        TopicCatalog.create(prefix, new InMemorySchemaRegistry(), true).all().stream()
            .map(Topic::name)
            .collect(Collectors.toSet());
    Pattern topic = Pattern.compile(Pattern.quote(prefix) + "\\.[a-z0-9-]+\\.v[0-9]+");
    Map<String, String> mentioned = new TreeMap<>();
    stack
        .allTexts()
        .forEach(
            (file, text) -> {
              Matcher m = topic.matcher(text);
              while (m.find()) {
                mentioned.put(m.group(), file);
              }
            });

    assertThat(mentioned).as("topic names mentioned in docker/").isNotEmpty();
    assertThat(mentioned.keySet()).as("topics by file: %s", mentioned).isSubsetOf(catalogue);
  }

  @Test
  void everyImageIsPinnedToAVersion() {
    List<String> images = new ArrayList<>();
    stack.compose().path("services").forEach(s -> images.add(s.path("image").asText()));
    Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(stack.text("docker/Dockerfile"));
    while (from.find()) {
      images.add(from.group(1));
    }

    assertThat(images)
        .hasSizeGreaterThan(stack.appServices().size())
        .allMatch(i -> i.matches("[\\w./-]+:[\\w.-]*\\d[\\w.-]*"), "pinned as name:version");
  }

  @Test
  void servicesStartOnlyAfterWhatTheyNeedIsHealthyOrDone() {
    JsonNode services = stack.compose().path("services");
    services
        .properties()
        .forEach(
            s ->
                s.getValue()
                    .path("depends_on")
                    .properties()
                    .forEach(
                        d -> {
                          String condition = d.getValue().path("condition").asText();
                          String needed = d.getKey();
                          assertThat(condition)
                              .as("%s waiting for %s", s.getKey(), needed)
                              .isIn("service_healthy", "service_completed_successfully");
                          if (condition.equals("service_healthy")) {
                            assertThat(services.path(needed).has("healthcheck"))
                                .as("%s has a health check", needed)
                                .isTrue();
                          }
                        }));
  }

  @Test
  void dockerfileRunsTheJarTheCliModuleBuilds() {
    String pom = stack.text("cli/pom.xml");
    String dockerfile = stack.text("docker/Dockerfile");
    String jar = between(pom, "<finalName>", "</finalName>") + ".jar";

    assertThat(between(pom, "<mainClass>", "</mainClass>")).isEqualTo(Impactsim.class.getName());
    assertThat(dockerfile)
        .contains("./mvnw -B -ntp -Dmaven.test.skip=true package -pl cli -am")
        .contains("COPY --from=build /src/cli/target/" + jar + " /app/" + jar)
        .contains("COPY --from=build /src/cli/target/lib/ /app/lib/")
        .contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/" + jar + "\"]");
  }

  @Test
  void metricNamesSkipFunctionsLabelsKeywordsAndVariables() {
    String expr =
        "max by (view) (sum by (instance, view) (rate(a_sum{view=\"x\"}[$__rate_interval]))"
            + " / on (view) group_left sum(b_count offset 5m)) > bool 1e3";

    assertThat(DockerStackPromQl.metricNames(expr)).containsExactly("a_sum", "b_count");
  }

  @Test
  void dashboardQueriesOnlyMetricsTheApplicationServes(KafkaEnvironment kafka, @TempDir Path dir)
      throws Exception {
    streamsCommandHasTheHttpOptionsTheStackConfigures();
    Set<String> queried = new TreeSet<>();
    stack.dashboard().findValues("expr").forEach(e -> queried.addAll(metricNames(e)));
    Map.Entry<String, JsonNode> replica =
        stack.appServicesRunning("streams").entrySet().iterator().next();
    String prefix = kafka.uniqueName("docker");
    int port = FreePorts.pick();
    Map<String, String> env = new TreeMap<>(DockerStackFiles.environment(replica.getValue()));
    env.putAll(DockerStackSandbox.whereThisTestRuns(kafka, prefix, port, dir));

    try (DockerStackApplication app =
        DockerStackApplication.start(
            DockerStackFiles.command(replica.getValue()), env, port, dir.resolve("app.log"))) {
      app.awaitOk("/health", START_TIMEOUT);
      app.awaitOk("/ready", START_TIMEOUT);
      DockerStackSandbox.publishHistoryAndOneUndecodableRecord(kafka.settings(prefix));

      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                Set<String> missing = new TreeSet<>(queried);
                missing.removeAll(app.metricSampleNames());
                assertThat(missing)
                    .as("metrics the dashboard queries that GET /metrics does not serve")
                    .isEmpty();
              });
    }
    assertThat(queried)
        .contains(
            "impactsim_dead_letters_total",
            "impactsim_market_cap_usd",
            "kafka_stream_impactsim_event_changes_sent_total");
  }

  private static Set<String> metricNames(JsonNode expr) {
    return DockerStackPromQl.metricNames(expr.asText());
  }

  private int httpPort(JsonNode service) {
    EnvOption option =
        DockerStackCommands.option("streams", "--http-port")
            .orElseThrow(() -> new AssertionError("'impactsim streams' has no --http-port"));
    String port =
        DockerStackFiles.environment(service)
            .getOrDefault(option.variable(), option.defaultValue().orElseThrow());
    return Integer.parseInt(port);
  }

  private static List<Integer> containerPorts(JsonNode service) {
    List<Integer> ports = new ArrayList<>();
    for (String mapping : texts(service.path("ports"))) {
      String container = mapping.substring(mapping.lastIndexOf(':') + 1).replace("/tcp", "");
      ports.add(Integer.parseInt(container));
    }
    return ports;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from)).trim();
  }
}
