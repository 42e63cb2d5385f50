package dev.paperboy.support;

import java.io.IOException;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The arXiv that community sites look papers up on: a loopback {@link ArxivStub} of their own, so a
 * submission of a paper not in the store never reaches the internet.
 */
public final class CommunityArxiv {
  public static final ArxivStub STUB = start();

  private CommunityArxiv() {}

  private static ArxivStub start() {
    try {
      return new ArxivStub();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      String base = STUB.baseUrl().replace("/oai", "");
      TestPropertyValues.of(
              "paperboy.arxiv.oai-base-url=" + base + "/oai",
              "paperboy.arxiv.api-base-url=" + base + "/api/query",
              "paperboy.arxiv.rss-base-url=" + base,
              "paperboy.arxiv.contact=ops@paperboy.example",
              "paperboy.thumbnails.enabled=false",
              "paperboy.arxiv.read-timeout=PT2S")
          .applyTo(context);
    }
  }
}
