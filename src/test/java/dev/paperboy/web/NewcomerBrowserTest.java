package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.digest.Cadence;
import dev.paperboy.digest.Editions;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.Browser;
import dev.paperboy.support.DemoLoads;
import dev.paperboy.support.Site;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The first-run walk of issue 16 on a fresh data directory with the demo and no SMTP, as a newcomer
 * takes it: every tab has papers; sign up, confirm from the link in the log (the page says it is
 * there), sign in from a member page and come back to it, submit a paper of the demo corpus,
 * upvote, comment, follow, find recommendations in For you, subscribe, and see the paper in the
 * digest preview. A screenshot of each step goes to target/screenshots/newcomer-*.png.
 *
 * <p>The walk has a site of its own, closed after it: its submission makes a new latest day, which
 * would change the seed-day lists the other {@link Site} tests read.
 */
@Site
@TestPropertySource(properties = "spring.application.name=paperboy-newcomer-walk")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class NewcomerBrowserTest {
  private static final String PASSWORD = "a long and lovely passphrase";
  private static final Pattern LOGGED_LINK =
      Pattern.compile("https?://[^/\\s]+(/verify\\?token=[A-Za-z0-9_-]+)");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Papers papers;
  @Autowired Editions editions;

  private ChromeDriver browser;
  private int step;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aNewcomerTriesEveryPageAndTheCommunityLoop(CapturedOutput log) throws Exception {
    browser = Browser.start();
    String site = "http://127.0.0.1:" + port;
    DemoLoads.awaitDone(jdbc);

    browser.get(site + "/");
    assertThat(browser.findElements(By.cssSelector("article.card"))).isNotEmpty();
    screenshot("first-page");
    Browser.width(browser, 390);
    screenshot("first-page-phone");
    Browser.width(browser, 1280);
    for (String tab :
        new String[] {"/papers", "/papers/week", "/papers/month", "/papers/trending"}) {
      browser.get(site + tab);
      assertThat(browser.findElements(By.cssSelector("article.card")))
          .as("%s shows papers on a first run", tab)
          .isNotEmpty();
      screenshot("tab" + tab.replace('/', '-'));
    }

    browser.get(site + "/signup");
    browser.findElement(By.id("field-email")).sendKeys("ada@example.org");
    browser.findElement(By.id("field-username")).sendKeys("ada");
    browser.findElement(By.id("field-password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    Browser.awaitHeading(browser, "Check your inbox");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .as("without SMTP the page says where the mail went")
        .contains("written to the server's log instead");
    screenshot("signed-up");

    browser.get(site + loggedLink(log));
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    Browser.awaitHeading(browser, "Email confirmed");

    // A member page sends a reader who is not signed in to the sign-in form, and back after it.
    browser.get(site + "/papers/submit");
    assertThat(browser.getCurrentUrl()).contains("/login?next=");
    browser.findElement(By.id("field-email")).sendKeys("ada@example.org");
    browser.findElement(By.id("field-password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/papers/submit"));

    String id = "2212.11827";
    String title = papers.find(ArxivId.parse(id)).orElseThrow().title();
    browser.findElement(By.id("field-paper_id")).sendKeys(id);
    screenshot("submit");
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/papers/" + id));

    browser.findElement(By.cssSelector("form.vote button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> "1".equals(d.findElement(By.cssSelector("form.vote .upvotes")).getText()));
    browser.findElement(By.id("comment-body")).sendKeys("Trying the **demo**.");
    browser.findElement(By.cssSelector("form.comment-form button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.cssSelector(".comment-body strong")).getText().equals("demo"));
    screenshot("upvoted-and-commented");

    browser.get(site + "/papers");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .as("today's list has the newcomer's paper")
        .contains(title, "Submitted by ada");

    browser.get(site + "/for-you");
    new Select(browser.findElement(By.id("follow-kind"))).selectByValue("category");
    browser.findElement(By.id("follow-value")).sendKeys("cs.LG");
    browser.findElement(By.cssSelector("form[action='/for-you/follow'] button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              if (d.findElements(By.cssSelector(".recommendation")).isEmpty()) {
                d.navigate().refresh();
                return false;
              }
              return true;
            });
    assertThat(browser.findElement(By.cssSelector(".follow-list li")).getAttribute("textContent"))
        .contains("category", "cs.LG");
    screenshot("for-you");

    browser.get(site + "/subscribe");
    assertThat(browser.findElement(By.id("field-email")).getAttribute("value"))
        .isEqualTo("ada@example.org");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    Browser.awaitHeading(browser, "You are subscribed");
    screenshot("subscribed");

    Editions.PreviewDay day = editions.previewDay(Cadence.DAILY);
    Editions.Preview digest =
        editions.preview("ada@example.org", Cadence.DAILY, day.day()).orElseThrow();
    assertThat(digest.text()).contains(title);
    assertThat(Browser.cspViolations(browser)).isEmpty();
  }

  /** The confirmation link of the newest mail the site wrote to its log. */
  private static String loggedLink(CapturedOutput log) {
    Matcher link = LOGGED_LINK.matcher(log.getAll());
    String last = null;
    while (link.find()) {
      last = link.group(1);
    }
    assertThat(last).as("a confirmation link in the log").isNotNull();
    return last;
  }

  private void screenshot(String name) throws Exception {
    Browser.screenshot(browser, String.format("newcomer-%02d-%s.png", ++step, name));
  }
}
