package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Browser;
import dev.paperboy.support.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages as a reader sees them in headless Chromium at 1280 and 390 px: maths rendered by the
 * KaTeX Paperboy serves, a header on one line, tabs reachable on a phone, nothing refused by the
 * Content-Security-Policy. A screenshot of each page kind goes to target/screenshots/.
 */
@Site
class ReadingBrowserTest {
  private static final String TEX_CARD = "2405.08977";
  private static final String TEX_PAPER = "2310.11366";

  @LocalServerPort int port;
  private ChromeDriver browser;
  private String site;

  @BeforeEach
  void start() {
    browser = Browser.start();
    site = "http://127.0.0.1:" + port;
  }

  @AfterEach
  void quit() {
    if (browser != null) { // null where Chromium is missing and the test was skipped
      browser.quit();
    }
  }

  @Test
  void texRendersOnACardAndAPaperPageAtBothWidths() throws Exception {
    for (int width : new int[] {1280, 390}) {
      Browser.width(browser, width);
      browser.get(site + "/papers/date/2025-03-12");
      awaitMaths();
      WebElement card = card(TEX_CARD);
      assertThat(card.findElements(By.cssSelector("p.abstract .katex")))
          .as("$\\alpha$ and $2.5\\le z<9.5$ became KaTeX at %d px", width)
          .hasSizeGreaterThanOrEqualTo(2);
      assertThat(card.findElement(By.cssSelector("p.abstract")).getText())
          .as("no TeX source is left showing")
          .doesNotContain("$")
          .doesNotContain("\\le");
      screenshot("daily-" + width + ".png");

      browser.get(site + "/papers/" + TEX_PAPER);
      awaitMaths();
      List<WebElement> maths = browser.findElements(By.cssSelector("p.abstract .katex"));
      assertThat(maths).hasSizeGreaterThanOrEqualTo(4);
      assertThat(browser.findElement(By.cssSelector("p.abstract")).getText())
          .doesNotContain("\\mathbb")
          .doesNotContain("\\rtimes");
      screenshot("paper-" + width + ".png");
    }
    assertThat(Browser.cspViolations(browser)).isEmpty();
  }

  @Test
  void aPageWithoutMathsFetchesNoKatex() {
    browser.get(site + "/stats");
    Object scripts =
        browser.executeScript(
            "return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/katex/')).length;");
    assertThat(scripts).isEqualTo(0L);
  }

  @Test
  void theHeaderIsOneLineAt1280AndTheTabsAreReachableOnAPhone() throws Exception {
    Browser.width(browser, 1280);
    browser.get(site + "/papers/date/2025-03-12");
    List<Long> tops = tops("header.site .bar > *");
    assertThat(tops).hasSize(3);
    assertThat(Collections.max(tops) - Collections.min(tops))
        .as("brand, search box and account share one line, their middles within a few pixels")
        .isLessThanOrEqualTo(6);
    assertThat(browser.findElement(By.id("header-q")).isDisplayed()).isTrue();

    Browser.width(browser, 390);
    browser.get(site + "/papers/date/2025-03-12");
    assertThat(overflow()).as("the page itself never scrolls sideways").isZero();
    WebElement search = browser.findElement(By.cssSelector("nav.tabs a[href='/search']"));
    browser.executeScript("arguments[0].scrollIntoView({inline: 'end'});", search);
    Number right =
        (Number)
            browser.executeScript("return arguments[0].getBoundingClientRect().right;", search);
    assertThat(right.doubleValue()).as("the last tab scrolls into view").isLessThanOrEqualTo(390);
    search.click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/search"));
    screenshot("search-390.png");

    browser.findElement(By.id("header-q")).sendKeys("equivariant lie groups\n");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/search?q="));
    assertThat(browser.findElements(By.cssSelector("article.result h3 a")).get(0).getText())
        .isEqualTo("Lie Group Decompositions for Equivariant Neural Networks");
    assertThat(Browser.cspViolations(browser)).isEmpty();
  }

  @Test
  void everyPageKindAtBothWidths() throws Exception {
    String[] pages = {"/papers/week", "/papers/month", "/papers/trending", "/papers/new", "/stats"};
    for (int width : new int[] {1280, 390}) {
      Browser.width(browser, width);
      for (String path : pages) {
        browser.get(site + path);
        assertThat(overflow()).as("%s at %d px fits the screen", path, width).isZero();
        screenshot(path.substring(1).replace('/', '-') + "-" + width + ".png");
      }
      browser.get(site + "/search?q=equivariant+networks");
      screenshot("search-results-" + width + ".png");
    }
    assertThat(Browser.cspViolations(browser)).isEmpty();
  }

  private WebElement card(String id) {
    return browser.findElement(
        By.xpath("//article[contains(@class,'card')][.//a[@href='/papers/" + id + "']]"));
  }

  /** How far the page is wider than the window (its scroll bar aside). */
  private long overflow() {
    return (Long)
        browser.executeScript(
            "const root = document.documentElement; return root.scrollWidth - root.clientWidth;");
  }

  private void awaitMaths() {
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            d -> "rendered".equals(d.findElement(By.tagName("html")).getAttribute("data-maths")));
  }

  @SuppressWarnings("unchecked")
  private List<Long> tops(String selector) {
    return (List<Long>)
        browser.executeScript(
            "return [...document.querySelectorAll(arguments[0])]"
                + ".map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2));",
            selector);
  }

  private void screenshot(String name) throws Exception {
    Path target = Path.of("target", "screenshots", name);
    Files.createDirectories(target.getParent());
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        target,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
