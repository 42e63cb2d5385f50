package dev.paperboy.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.paper.Papers;
import dev.paperboy.support.Browser;
import dev.paperboy.support.CommunitySite;
import dev.paperboy.support.FixedClock;
import dev.paperboy.support.Mailbox;
import dev.paperboy.support.TestPapers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The community issue's acceptance walk in headless Chromium: sign up, confirm by the mailed link,
 * submit a paper by URL, find it on today's list, upvote it without a reload, comment in Markdown.
 * Screenshots go to target/screenshots/.
 */
@CommunitySite
class CommunityBrowserTest {
  @LocalServerPort int port;

  @Autowired Papers papers;

  private ChromeDriver browser;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aNewMemberSubmitsUpvotesAndDiscussesAPaper() throws Exception {
    String id = "2611.09999";
    papers.upsertAll(
        List.of(
            TestPapers.recent(
                id,
                "Attention Is Still All You Need",
                FixedClock.NOW.minus(Duration.ofHours(20)))));
    String site = "http://localhost:" + port;
    browser = Browser.start();

    browser.get(site + "/signup");
    browser.findElement(By.id("field-email")).sendKeys("grace@example.org");
    browser.findElement(By.id("field-username")).sendKeys("grace");
    browser.findElement(By.id("field-password")).sendKeys("a long and lovely passphrase");
    Browser.screenshot(browser, "community-1-signup.png");
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    Browser.awaitHeading(browser, "Check your inbox");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .as("with SMTP set up the page promises a mail, not the log")
        .doesNotContain("server's log");

    browser.get(site + Mailbox.lastLink("grace@example.org", "/verify"));
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    Browser.awaitHeading(browser, "Email confirmed");

    browser.get(site + "/login");
    browser.findElement(By.id("field-email")).sendKeys("grace@example.org");
    browser.findElement(By.id("field-password")).sendKeys("a long and lovely passphrase");
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            d ->
                d.findElements(By.cssSelector("nav.account a[href='/members/grace']")).size() == 1);

    browser.get(site + "/papers/submit");
    browser.findElement(By.id("field-paper_id")).sendKeys("https://arxiv.org/abs/" + id + "v1");
    Browser.screenshot(browser, "community-2-submit.png");
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/papers/" + id));

    browser.get(site + "/papers");
    WebElement card =
        browser.findElement(By.xpath("//article[@class='card'][.//a[@href='/papers/" + id + "']]"));
    assertThat(card.getText()).contains("Attention Is Still All You Need", "Submitted by grace");
    Browser.screenshot(browser, "community-3-today.png");

    card.findElement(By.linkText("Attention Is Still All You Need")).click();
    browser.executeScript("window.paperboyNoReload = true;");
    WebElement count = browser.findElement(By.cssSelector("form.vote .upvotes"));
    assertThat(count.getText()).isEqualTo("0");
    browser.findElement(By.cssSelector("form.vote button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> "1".equals(d.findElement(By.cssSelector("form.vote .upvotes")).getText()));
    assertThat(browser.executeScript("return window.paperboyNoReload === true;"))
        .as("the count changed without a page load")
        .isEqualTo(true);
    assertThat(browser.findElement(By.cssSelector("form.vote button")).getAttribute("aria-pressed"))
        .isEqualTo("true");

    browser.navigate().refresh();
    WebElement chart = browser.findElement(By.cssSelector("figure.upvote-history"));
    assertThat(chart.findElement(By.tagName("figcaption")).getText())
        .as("today's upvote is on the chart")
        .endsWith("1 today");
    Dimension line = chart.findElement(By.cssSelector("svg.trend")).getSize();
    assertThat(line.getHeight()).as("the chart keeps its height").isEqualTo(100);
    assertThat(line.getWidth())
        .as("and fits the page")
        .isBetween(200, browser.findElement(By.tagName("main")).getSize().getWidth());
    assertThat(Browser.cspViolations(browser)).isEmpty();

    browser
        .findElement(By.id("comment-body"))
        .sendKeys("**Great** paper; the code is [here](https://example.org/code).");
    browser.findElement(By.cssSelector("form.comment-form button")).click();
    WebElement comment =
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(d -> d.findElement(By.cssSelector(".comment-body")));
    assertThat(comment.findElement(By.tagName("strong")).getText()).isEqualTo("Great");
    WebElement link = comment.findElement(By.tagName("a"));
    assertThat(link.getAttribute("href")).isEqualTo("https://example.org/code");
    assertThat(link.getAttribute("rel")).isEqualTo("nofollow ugc");
    Browser.screenshot(browser, "community-4-discussion.png");
  }
}
