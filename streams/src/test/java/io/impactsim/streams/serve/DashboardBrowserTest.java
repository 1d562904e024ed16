package io.impactsim.streams.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.impactsim.sandbox.junit.KafkaEnvironment;
import io.impactsim.sandbox.junit.KafkaSandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium against the application fed the bundled history: every chart
 * shows the history's views, and a screenshot is kept in target/dashboard.png.
 */
@ExtendWith(KafkaSandboxExtension.class)
class DashboardBrowserTest {
  private static final Duration BUDGET = Duration.ofSeconds(15);

  @TempDir Path workDir;

  @Test
  void dashboardChartsShowTheBundledHistory(KafkaEnvironment env) throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require(workDir);
    try (ServedHistory served = ServedHistory.start(env, workDir.resolve("state"), 1)) {
      String url = served.servers.get(0).url() + "?snapshot";
      await()
          .atMost(ServedHistory.TIMEOUT)
          .until(
              () -> Http.json(Http.get(served.servers.get(0).url(), "/api/market-cap")).size() > 1);

      String dom = chromium.dumpDom(url, BUDGET);

      assertThat(attribute(dom, "status", "data-state")).isEqualTo("snapshot");
      assertThat(summary(dom, "market-share-summary"))
          .contains("ai-compute-cloud ALL: oracle", "amazon");
      assertThat(summary(dom, "market-cap-summary")).contains("openai:", "amazon:", " to ");
      assertThat(summary(dom, "capex-summary")).contains("openai: 20");
      assertThat(Integer.parseInt(attribute(dom, "events-table", "data-rendered"))).isPositive();
      assertThat(dom).contains("data-company=\"openai\"");

      Path png = Path.of("target", "dashboard.png");
      chromium.screenshot(url, BUDGET, png);
      assertThat(Files.size(png)).isGreaterThan(10_000);
    }
  }

  private static String summary(String dom, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\" data-rendered=\"(\\d+)\">([^<]*)<").matcher(dom);
    assertThat(m.find()).as("element " + id + " in the DOM").isTrue();
    assertThat(Integer.parseInt(m.group(1))).as(id + " rendered lines").isPositive();
    return m.group(2);
  }

  private static String attribute(String dom, String id, String attribute) {
    Matcher m = Pattern.compile("<[^>]*id=\"" + id + "\"[^>]*>").matcher(dom);
    assertThat(m.find()).as("element " + id).isTrue();
    Matcher a = Pattern.compile(attribute + "=\"([^\"]*)\"").matcher(m.group());
    assertThat(a.find()).as(attribute + " of " + id).isTrue();
    return a.group(1);
  }
}
