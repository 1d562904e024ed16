package io.impactsim.serve;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Test support: Debian's headless Chromium driven through its chromedriver (Selenium), offline. A
 * missing browser or driver fails the test under CI (where .ci/run installs them) and skips it
 * elsewhere.
 */
final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);

  final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** A headless browser with a window of the given size, or the test failed or skipped. */
  static Browser require(Path profile, int width, int height) {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        String message =
            binary + " not found; install Debian's chromium and chromium-driver packages";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          fail(message + " (.ci/run installs them)");
        }
        Assumptions.abort(message);
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options));
  }

  /** Waits until the condition holds (polling the page), then returns its value. */
  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  /** As {@link #until(Function)}, with what the page shows in the message if it times out. */
  <T> T until(Function<WebDriver, T> condition, Supplier<String> shown) {
    return new WebDriverWait(driver, WAIT).withMessage(shown).until(condition);
  }

  @SuppressWarnings("unchecked")
  <T> T script(String script, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Saves a screenshot of the whole page: the window is first made as tall as the page. */
  void screenshot(Path png) throws Exception {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Number page = script("window.scrollTo(0, 0); return document.documentElement.scrollHeight;");
    Number chrome = script("return window.outerHeight - window.innerHeight;");
    Dimension size = driver.manage().window().getSize();
    driver
        .manage()
        .window()
        .setSize(new Dimension(size.getWidth(), page.intValue() + chrome.intValue()));
    until(d -> this.<Number>script("return window.innerHeight;").intValue() >= page.intValue());
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
