package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Browser;
import dev.paperboy.support.SeedDayFile;
import dev.paperboy.support.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader in a real browser: the seed day, then a paper. Screenshots go to target/. */
@Site
class BrowserTest {
  @LocalServerPort int port;
  private ChromeDriver browser;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aReaderFindsTheSeedDayAndOpensAPaper() throws Exception {
    browser = Browser.start();
    browser.get("http://127.0.0.1:" + port + "/papers/date/2025-03-12");

    List<String> titles =
        browser.findElements(By.cssSelector("article.card h3 a")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(titles)
        .containsExactlyElementsOf(
            SeedDayFile.papers().stream().map(SeedDayFile.SeedPaper::title).toList());
    screenshot("daily-2025-03-12.png");

    SeedDayFile.SeedPaper second = SeedDayFile.papers().get(1);
    browser.findElement(By.linkText(second.title())).click();

    assertThat(browser.getCurrentUrl()).endsWith("/papers/" + second.id());
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(second.title());
    assertThat(
            browser.findElements(By.cssSelector(".author")).stream()
                .map(WebElement::getText)
                .toList())
        .containsExactlyElementsOf(second.authors());
    assertThat(browser.getTitle()).isEqualTo(second.title() + " · Paperboy");
    screenshot("paper-" + second.id() + ".png");
  }

  private void screenshot(String name) throws Exception {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Path target = Path.of("target", "screenshots", name);
    Files.createDirectories(target.getParent());
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(target)).isPositive();
  }
}
