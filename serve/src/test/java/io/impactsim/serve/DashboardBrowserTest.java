package io.impactsim.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxTest;
import io.impactsim.tools.Amendment;
import io.impactsim.tools.EventEdits;
import io.impactsim.tools.Namespace;
import io.impactsim.tools.Replay;
import io.impactsim.tools.ReplayListener;
import io.impactsim.views.StreamsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in headless Chromium against the application fed the bundled history: its charts
 * hold the query API's figures, a click on a reaction shows the drivers the API gives for it, and a
 * company's value lists the events behind it. A screenshot is kept in target/dashboard.png.
 */
@KafkaSandboxTest
class DashboardBrowserTest {
  private static final double EXACT = 1e-9;

  @TempDir Path workDir;

  @Test
  void dashboardDrawsTheViewsOfTheQueryApiAndExplainsThem(KafkaEnvironment env) throws Exception {
    try (ServedHistory served = ServedHistory.start(env, workDir.resolve("state"), 1);
        Browser browser = Browser.require(workDir.resolve("chromium"), 1400, 1000)) {
      String base = served.servers.get(0).url();
      await()
          .atMost(ServedHistory.TIMEOUT)
          .until(() -> Http.json(Http.get(base, "/api/market-cap")).size() > 1);
      List<JsonNode> shares = list(Http.json(Http.get(base, "/api/market-share")));
      List<JsonNode> caps = list(Http.json(Http.get(base, "/api/market-cap")));
      List<JsonNode> reactions = list(Http.json(Http.get(base, "/api/reactions")));

      browser.driver.get(base + "?snapshot");
      browser.until(d -> "snapshot".equals(attribute(browser, "#status", "data-state")));

      stackedShareChartHasAProviderPerDatasetAndAQuarterPerLabel(browser, shares);
      carChartHasACompanyPerSeriesInPercentOfTheApiFigures(browser, caps, reactions);
      clickedReactionShowsTheDriversOfTheApi(browser, base, reactions, caps);
      companyValueNamesTheEventsBehindIt(browser, caps, reactions);

      assertThat(browser.driver.findElement(By.id("capex-summary")).getText())
          .contains("openai: 20");
      // The screenshot explains the reaction that moved the most dollars.
      JsonNode largest =
          reactions.stream()
              .max(Comparator.comparingLong(r -> Math.abs(r.path("dollarImpactUsd").asLong())))
              .orElseThrow();
      clickRow(browser, largest.path("eventId").asText(), largest.path("company").asText());
      Path png = Path.of("target", "dashboard.png");
      browser.screenshot(png);
      assertThat(Files.size(png)).isGreaterThan(10_000);

      whatIfBranchIsShownBesideTheLiveViews(browser, served, base, caps);
    }
  }

  /**
   * A branch where the AWS deal was $20B: its CAR lines, shares and values beside the live ones.
   */
  private void whatIfBranchIsShownBesideTheLiveViews(
      Browser browser, ServedHistory served, String base, List<JsonNode> liveCaps)
      throws Exception {
    Namespace branch =
        Namespace.of(
            served.settings,
            StreamsOptions.defaults().withStateDir(workDir.resolve("branch")),
            Namespace.WHAT_IF,
            "aws-20b");
    EventEdits edits =
        new EventEdits(
            Optional.empty(),
            Set.of(),
            Map.of("2025-11-03-openai-aws-38b", List.of(Amendment.parse("valueUsd=20000000000"))),
            List.of());
    Replay.run(branch, edits, ReplayListener.NONE, ServedHistory.TIMEOUT);
    assertThat(list(Http.json(Http.get(base, "/api/branches"))))
        .extracting(JsonNode::asText)
        .contains("aws-20b");
    List<JsonNode> caps = list(Http.json(Http.get(base, "/api/branches/aws-20b/market-cap")));
    List<JsonNode> reactions = list(Http.json(Http.get(base, "/api/branches/aws-20b/reactions")));
    List<JsonNode> shares = list(Http.json(Http.get(base, "/api/branches/aws-20b/market-share")));

    browser.driver.get(base + "?snapshot&branch=aws-20b");
    browser.until(d -> "snapshot".equals(attribute(browser, "#status", "data-state")));

    List<Map<String, Object>> lines =
        maps(
            browser.script(
                "return Chart.getChart('car-chart').data.datasets"
                    + ".filter(d => d.kind === 'branch-car')"
                    + ".map(d => ({company: d.company, last: d.data[d.data.length - 1].y}));"));
    assertThat(lines).hasSize(caps.size());
    boolean differs = false;
    for (JsonNode cap : caps) {
      String company = cap.path("company").asText();
      Map<String, Object> line =
          lines.stream().filter(l -> company.equals(l.get("company"))).findFirst().orElseThrow();
      assertThat(number(line.get("last")))
          .as(company + " CAR in the branch, %")
          .isCloseTo(cap.path("cumulativeAbnormalReturn").asDouble() * 100, within(1e-6));
      assertThat(counted(cap, reactions)).hasSize(cap.path("eventCount").asInt());
      String shown =
          attribute(
              browser,
              "#companies-table tr[data-company='" + company + "'] td.branch-col",
              "data-branch-value");
      assertThat(shown).isEqualTo(cap.path("simulatedValueUsd").asText());
      long live =
          liveCaps.stream()
              .filter(c -> c.path("company").asText().equals(company))
              .findFirst()
              .orElseThrow()
              .path("simulatedValueUsd")
              .asLong();
      differs |= live != cap.path("simulatedValueUsd").asLong();
    }
    assertThat(differs).as("the amended deal moves some company's value").isTrue();

    String segment =
        new Select(browser.driver.findElement(By.id("share-segment")))
            .getFirstSelectedOption()
            .getDomAttribute("value");
    List<Map<String, Object>> bars =
        maps(
            browser.script(
                "const c = Chart.getChart('market-share-chart');"
                    + " return c.data.datasets.filter(d => d.stack === 'branch')"
                    + ".map(d => ({provider: d.provider, data: d.data, labels: c.data.labels}));"));
    assertThat(bars).isNotEmpty();
    for (Map<String, Object> bar : bars) {
      List<Object> labels = values(bar.get("labels"));
      List<Object> data = values(bar.get("data"));
      for (int i = 0; i < labels.size(); i++) {
        double expected = 0;
        for (JsonNode s : shares) {
          if (s.path("segment").asText().equals(segment)
              && s.path("period").asText().equals(labels.get(i))) {
            for (JsonNode e : s.path("entries")) {
              if (providerOf(e).equals(bar.get("provider"))) {
                expected = e.path("sharePct").asDouble();
              }
            }
          }
        }
        assertThat(number(data.get(i))).isCloseTo(expected, within(EXACT));
      }
    }
    browser.screenshot(Path.of("target", "dashboard-whatif.png"));
  }

  private static void stackedShareChartHasAProviderPerDatasetAndAQuarterPerLabel(
      Browser browser, List<JsonNode> shares) {
    Set<String> segments = new TreeSet<>();
    shares.forEach(s -> segments.add(s.path("segment").asText()));
    assertThat(segments).isNotEmpty();
    Select select = new Select(browser.driver.findElement(By.id("share-segment")));
    String first = select.getFirstSelectedOption().getDomAttribute("value");
    boolean sawShares = false;
    for (String segment : segments) {
      select.selectByValue(segment);
      List<JsonNode> quarters =
          shares.stream()
              .filter(s -> s.path("segment").asText().equals(segment))
              .filter(s -> !s.path("period").asText().equals("ALL"))
              .sorted(Comparator.comparing(s -> s.path("period").asText()))
              .toList();
      List<String> labels = quarters.stream().map(q -> q.path("period").asText()).toList();
      Map<String, Object> drawn =
          browser.until(
              d -> {
                Map<String, Object> c =
                    browser.script(
                        "const c = Chart.getChart('market-share-chart');"
                            + " return {labels: c.data.labels, stacked: c.options.scales.y.stacked,"
                            + " datasets: c.data.datasets.map(d => ({provider: d.provider,"
                            + " data: d.data}))};");
                return labels.equals(c.get("labels")) ? c : null;
              });
      assertThat(drawn.get("stacked")).isEqualTo(true);
      Set<String> providers = new TreeSet<>();
      quarters.forEach(q -> q.path("entries").forEach(e -> providers.add(providerOf(e))));
      List<Map<String, Object>> datasets = maps(drawn.get("datasets"));
      assertThat(datasets.stream().map(d -> (String) d.get("provider")))
          .as("one dataset per provider of %s", segment)
          .containsExactlyElementsOf(providers);
      for (Map<String, Object> dataset : datasets) {
        List<Object> values = values(dataset.get("data"));
        for (int i = 0; i < quarters.size(); i++) {
          double expected = 0;
          for (JsonNode e : quarters.get(i).path("entries")) {
            if (providerOf(e).equals(dataset.get("provider"))) {
              expected = e.path("sharePct").asDouble();
            }
          }
          assertThat(number(values.get(i))).isCloseTo(expected, within(EXACT));
          sawShares |= expected > 0;
        }
      }
    }
    assertThat(sawShares).as("some quarter of the history has shares").isTrue();
    select.selectByValue(first);
  }

  private static void carChartHasACompanyPerSeriesInPercentOfTheApiFigures(
      Browser browser, List<JsonNode> caps, List<JsonNode> reactions) {
    List<Map<String, Object>> datasets =
        maps(
            browser.script(
                "return Chart.getChart('car-chart').data.datasets.map(d => ({kind: d.kind,"
                    + " company: d.company, points: d.data.map(p => ({x: p.x, y: p.y,"
                    + " event: p.reaction ? p.reaction.eventId : null}))}));"));
    Set<String> companies = new TreeSet<>();
    caps.forEach(c -> companies.add(c.path("company").asText()));
    assertThat(
            datasets.stream()
                .filter(d -> "car".equals(d.get("kind")))
                .map(d -> (String) d.get("company")))
        .as("one CAR series per company")
        .containsExactlyInAnyOrderElementsOf(companies);
    boolean sawNonZero = false;
    for (JsonNode cap : caps) {
      String company = cap.path("company").asText();
      List<JsonNode> counted = counted(cap, reactions);
      assertThat(counted).hasSize(cap.path("eventCount").asInt());
      List<Map<String, Object>> car = eventPoints(datasets, company, "car");
      List<Map<String, Object>> high = eventPoints(datasets, company, "band-high");
      assertThat(car.stream().map(p -> p.get("event")))
          .containsExactlyElementsOf(
              counted.stream().map(r -> r.path("eventId").asText()).toList());
      double sum = 0;
      for (int i = 0; i < counted.size(); i++) {
        sum += counted.get(i).path("abnormalReturn").asDouble();
        assertThat(number(car.get(i).get("y"))).isCloseTo(sum * 100, within(EXACT));
      }
      // The last point is the market-cap view's running figures, in percent of the profile value.
      double carPct = cap.path("cumulativeAbnormalReturn").asDouble() * 100;
      double reference = cap.path("referenceValueUsd").asDouble();
      double bandPct =
          (cap.path("highValueUsd").asDouble() - cap.path("simulatedValueUsd").asDouble())
              / reference
              * 100;
      if (!car.isEmpty()) {
        double lastCar = number(car.get(car.size() - 1).get("y"));
        double lastHigh = number(high.get(high.size() - 1).get("y"));
        assertThat(lastCar).as(company + " CAR %").isCloseTo(carPct, within(1e-6));
        assertThat(lastHigh - lastCar).as(company + " band %").isCloseTo(bandPct, within(1e-6));
        sawNonZero |= Math.abs(lastCar) > 0.1;
      } else {
        assertThat(carPct).isZero();
      }
    }
    assertThat(sawNonZero).as("some company's CAR moved").isTrue();
  }

  private static void clickedReactionShowsTheDriversOfTheApi(
      Browser browser, String base, List<JsonNode> reactions, List<JsonNode> caps) {
    // A point of the CAR chart that no other point covers, other than the reaction shown now.
    String shown = attribute(browser, "#drivers-panel", "data-event");
    String shownCompany = attribute(browser, "#drivers-panel", "data-company");
    List<double[]> points = new ArrayList<>();
    List<JsonNode> candidates = new ArrayList<>();
    for (JsonNode cap : caps) {
      double sum = 0;
      for (JsonNode r : counted(cap, reactions)) {
        sum += r.path("abnormalReturn").asDouble() * 100;
        points.add(new double[] {time(r), sum});
        candidates.add(r);
      }
    }
    JsonNode target = null;
    for (int i = 0; i < candidates.size() && target == null; i++) {
      JsonNode r = candidates.get(i);
      double[] p = points.get(i);
      boolean alone = true;
      for (int j = 0; j < points.size(); j++) {
        alone &= j == i || points.get(j)[0] != p[0] || Math.abs(points.get(j)[1] - p[1]) > 1;
      }
      boolean isShown =
          r.path("eventId").asText().equals(shown)
              && r.path("company").asText().equals(shownCompany);
      if (alone && !isShown && r.path("drivers").size() > 0) {
        target = r;
      }
    }
    assertThat(target).as("a reaction with its own point on the CAR chart").isNotNull();
    String event = target.path("eventId").asText();
    String company = target.path("company").asText();
    List<Number> offset =
        browser.script(
            "const c = Chart.getChart('car-chart');"
                + " const i = c.data.datasets.findIndex(d => d.kind === 'car'"
                + " && d.company === arguments[1]);"
                + " const j = c.data.datasets[i].data.findIndex(p => p.reaction"
                + " && p.reaction.eventId === arguments[0]);"
                + " const el = c.getDatasetMeta(i).data[j];"
                + " const box = c.canvas.getBoundingClientRect();"
                + " c.canvas.scrollIntoView({block: 'center'});"
                + " return [el.x - box.width / 2, el.y - box.height / 2];",
            event,
            company);
    WebElement canvas = browser.driver.findElement(By.id("car-chart"));
    browser.script(
        "window.carClicks = [];"
            + " arguments[0].addEventListener('click', e => carClicks.push([e.offsetX, e.offsetY]));",
        canvas);
    // Hover first, until the chart marks the point active (its tooltip shows), then click there.
    new Actions(browser.driver)
        .moveToElement(canvas, offset.get(0).intValue(), offset.get(1).intValue())
        .perform();
    browser.until(
        d ->
            browser.<Boolean>script(
                "const c = Chart.getChart('car-chart');"
                    + " return c.getActiveElements().some(e => {"
                    + " const p = c.data.datasets[e.datasetIndex].data[e.index];"
                    + " return p.reaction && p.reaction.eventId === arguments[0]"
                    + " && p.reaction.company === arguments[1]; });",
                event,
                company));
    new Actions(browser.driver).click().perform();
    browser.until(
        d -> event.equals(attribute(browser, "#drivers-panel", "data-event")),
        () ->
            "a click at "
                + offset
                + " from the centre of the CAR chart selects "
                + company
                + " on "
                + event
                + "; the chart saw clicks at "
                + browser.script("return JSON.stringify(window.carClicks);")
                + " and shows "
                + attribute(browser, "#drivers-panel", "data-event"));
    assertDriversShown(browser, base, event, company);

    // A row of the reactions table: the one with the most drivers that is not shown now.
    JsonNode row =
        reactions.stream()
            .filter(r -> !r.path("eventId").asText().equals(event))
            .max(Comparator.comparingInt(r -> r.path("drivers").size()))
            .orElseThrow();
    clickRow(browser, row.path("eventId").asText(), row.path("company").asText());
    assertDriversShown(browser, base, row.path("eventId").asText(), row.path("company").asText());
  }

  private static void assertDriversShown(
      Browser browser, String base, String event, String company) {
    browser.until(
        d ->
            event.equals(attribute(browser, "#drivers-panel", "data-event"))
                && company.equals(attribute(browser, "#drivers-panel", "data-company")));
    JsonNode reaction =
        list(Http.json(Http.get(base, "/api/reactions?event=" + event))).stream()
            .filter(r -> r.path("company").asText().equals(company))
            .findFirst()
            .orElseThrow();
    List<String> expected = new ArrayList<>();
    reaction.path("drivers").forEach(t -> expected.add(term("reaction", t)));
    reaction.path("terms").forEach(t -> expected.add(term("event", t)));
    assertThat(expected).isNotEmpty();
    List<String> shown =
        browser.driver.findElements(By.cssSelector("#drivers-table tbody tr")).stream()
            .map(
                tr ->
                    tr.getDomAttribute("data-scope")
                        + " "
                        + tr.getDomAttribute("data-name")
                        + "="
                        + Double.parseDouble(tr.getDomAttribute("data-value")))
            .toList();
    assertThat(shown).as("drivers of %s on %s", company, event).containsExactlyElementsOf(expected);
  }

  private static void companyValueNamesTheEventsBehindIt(
      Browser browser, List<JsonNode> caps, List<JsonNode> reactions) {
    JsonNode cap =
        caps.stream().max(Comparator.comparingInt(c -> c.path("eventCount").asInt())).orElseThrow();
    String company = cap.path("company").asText();
    WebElement row =
        browser.driver.findElement(
            By.cssSelector("#companies-table tr[data-company='" + company + "']"));
    browser.script("arguments[0].scrollIntoView({block: 'center'});", row);
    row.click();
    browser.until(d -> company.equals(attribute(browser, "#value-events", "data-company")));
    List<String> named =
        browser.driver.findElements(By.cssSelector("#value-events-list li")).stream()
            .map(li -> li.getDomAttribute("data-event"))
            .toList();
    assertThat(named)
        .hasSize(cap.path("eventCount").asInt())
        .containsExactlyElementsOf(
            counted(cap, reactions).stream().map(r -> r.path("eventId").asText()).toList());
    assertThat(browser.driver.findElement(By.id("value-events-summary")).getText())
        .startsWith(company + ": ")
        .contains("from " + named.size() + " event");
  }

  private static void clickRow(Browser browser, String event, String company) {
    WebElement row =
        browser.driver.findElement(
            By.cssSelector(
                "#reactions-table tr[data-event='" + event + "'][data-company='" + company + "']"));
    browser.script("arguments[0].scrollIntoView({block: 'center'});", row);
    row.click();
    browser.until(d -> event.equals(attribute(browser, "#drivers-panel", "data-event")));
  }

  /**
   * A company's reactions that make up its running value, in event-time order: priced against the
   * profile the value starts from, after that profile's reference date (docs/impact-model.md).
   */
  private static List<JsonNode> counted(JsonNode cap, List<JsonNode> reactions) {
    String reference = cap.path("referenceDate").asText();
    return reactions.stream()
        .filter(r -> r.path("company").asText().equals(cap.path("company").asText()))
        .filter(r -> r.path("referenceDate").asText().equals(reference))
        .filter(r -> r.path("occurredAt").asText().substring(0, 10).compareTo(reference) > 0)
        .sorted(
            Comparator.comparingLong(DashboardBrowserTest::time)
                .thenComparing(r -> r.path("eventId").asText()))
        .toList();
  }

  private static List<Map<String, Object>> eventPoints(
      List<Map<String, Object>> datasets, String company, String kind) {
    Map<String, Object> dataset =
        datasets.stream()
            .filter(d -> kind.equals(d.get("kind")) && company.equals(d.get("company")))
            .findFirst()
            .orElseThrow();
    return maps(dataset.get("points")).stream().filter(p -> p.get("event") != null).toList();
  }

  private static String term(String scope, JsonNode t) {
    return scope + " " + t.path("name").asText() + "=" + t.path("value").asDouble();
  }

  private static String providerOf(JsonNode entry) {
    return entry.path("provider").asText();
  }

  private static long time(JsonNode reaction) {
    return Instant.parse(reaction.path("occurredAt").asText()).toEpochMilli();
  }

  private static String attribute(Browser browser, String css, String name) {
    return Objects.toString(
        browser.driver.findElement(By.cssSelector(css)).getDomAttribute(name), "");
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).collect(Collectors.toList());
  }

  @SuppressWarnings("unchecked")
  private static List<Object> values(Object value) {
    return (List<Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return (List<Map<String, Object>>) value;
  }
}
