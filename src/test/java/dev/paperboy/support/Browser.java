package dev.paperboy.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver. Skipped when they are not installed
 * (`apt-get install chromium chromium-driver`), failed instead when the run requires them.
 */
public final class Browser {
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("PAPERBOY_TEST_CHROMIUM", "/usr/bin/chromium"));
  private static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("PAPERBOY_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Browser() {}

  public static ChromeDriver start() {
    Requirements.need(
        "chromium",
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "install Debian's chromium and chromium-driver (.ci/run does)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // The closed network here refuses Chromium's background connections: turn them off.
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
        "--window-size=1280,1600");
    // The console is read back by the tests: a CSP refusal is logged there and nowhere else.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** The console lines so far that report something refused by the Content-Security-Policy. */
  public static List<String> cspViolations(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(message -> message.contains("Content Security Policy"))
        .toList();
  }

  /** Resizes the window, keeping its height, as a phone or a desktop would show the page. */
  public static void width(ChromeDriver driver, int width) {
    driver.manage().window().setSize(new Dimension(width, 1600));
  }

  /**
   * Waits for the page a form post leads to: a click returns before the next page has loaded, and a
   * heading read while it loads may be gone by the time its text is asked for.
   */
  public static void awaitHeading(ChromeDriver driver, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.tagName("h1")).stream()
                    .anyMatch(h1 -> text.equals(h1.getText())));
  }

  /** Saves what the window shows as target/screenshots/{name}. */
  public static void screenshot(ChromeDriver driver, String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.copy(
        driver.getScreenshotAs(OutputType.FILE).toPath(),
        dir.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
