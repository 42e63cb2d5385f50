package dev.paperboy.collection;

import static dev.paperboy.support.Community.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.support.Browser;
import dev.paperboy.support.CommunitySite;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Collections in headless Chromium: save a paper from a card on the daily list without a page load,
 * find it in the reading list, then file it in a new collection from the paper's page. Screenshots
 * go to target/screenshots/.
 */
@CommunitySite
class CollectionsBrowserTest {
  @LocalServerPort int port;

  @Autowired Accounts accounts;

  private ChromeDriver browser;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aMemberSavesAPaperFromACardAndFindsItInTheirCollections() throws Exception {
    accounts.add("ada@example.org", "ada", Role.MEMBER, PASSWORD);
    String site = "http://localhost:" + port;
    browser = Browser.start();
    browser.get(site + "/login");
    browser.findElement(By.id("field-email")).sendKeys("ada@example.org");
    browser.findElement(By.id("field-password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(
        d -> d.findElements(By.cssSelector("nav.account a[href='/collections']")).size() == 1);

    browser.get(site + "/papers");
    WebElement card = browser.findElement(By.cssSelector("article.card"));
    String title = card.findElement(By.cssSelector("h3 a")).getText();
    String href = card.findElement(By.cssSelector("h3 a")).getDomAttribute("href");
    browser.executeScript("window.paperboyNoReload = true;");
    card.findElement(By.cssSelector("form.save button")).click();
    wait.until(
        d ->
            "true"
                .equals(
                    d.findElement(By.cssSelector("article.card form.save button"))
                        .getDomAttribute("aria-pressed")));
    assertThat(card.findElement(By.cssSelector("form.save button")).getText()).contains("Saved");
    assertThat(browser.executeScript("return window.paperboyNoReload === true;"))
        .as("saved without a page load")
        .isEqualTo(true);
    Browser.screenshot(browser, "collections-1-saved-on-card.png");

    browser.findElement(By.cssSelector("nav.account a[href='/collections']")).click();
    browser.findElement(By.linkText("Reading list")).click();
    Browser.awaitHeading(browser, "Reading list");
    assertThat(browser.findElement(By.cssSelector(".cards")).getText()).contains(title);
    Browser.screenshot(browser, "collections-2-reading-list.png");

    // From the paper's page, into a collection of its own.
    browser.get(site + href);
    browser.findElement(By.cssSelector("details.shelf-menu summary")).click();
    browser.findElement(By.id("new-shelf-name")).sendKeys("Thesis background");
    Browser.screenshot(browser, "collections-3-paper-menu.png");
    browser.findElement(By.cssSelector("form.new-shelf button")).click();
    wait.until(d -> d.getCurrentUrl().endsWith(href));
    browser.findElement(By.cssSelector("details.shelf-menu summary")).click();
    assertThat(
            browser
                .findElement(
                    By.xpath(
                        "//details[@class='shelf-menu']//button[contains(., 'Thesis background')]"))
                .getDomAttribute("aria-pressed"))
        .isEqualTo("true");
    browser.get(site + "/collections");
    browser.findElement(By.linkText("Thesis background")).click();
    Browser.awaitHeading(browser, "Thesis background");
    assertThat(browser.findElement(By.cssSelector(".cards")).getText()).contains(title);
    assertThat(Browser.cspViolations(browser)).isEmpty();
  }
}
