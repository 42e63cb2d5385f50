package dev.paperboy.support;

import dev.paperboy.store.Sleeper;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application on a fresh SQLite store with every arXiv endpoint pointed at one loopback {@link
 * ArxivStub} ({@link #STUB}), and time that only moves when something waits on it ({@link #TIME}):
 * retries and politeness waits are recorded, never spent. One context for every test class that
 * uses it; each test resets the stub and sets the time it needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SqliteStore
@Import(StubbedArxiv.Time.class)
@ContextConfiguration(initializers = StubbedArxiv.Endpoints.class)
public @interface StubbedArxiv {
  ArxivStub STUB = Endpoints.start();
  FakeTime TIME = new FakeTime(Instant.parse("2026-11-26T22:00:00Z"));

  @TestConfiguration(proxyBeanMethods = false)
  class Time {
    @Bean
    @Primary
    Clock fakeClock() {
      return TIME;
    }

    @Bean
    @Primary
    Sleeper fakeSleeper() {
      return TIME.sleeper();
    }
  }

  class Endpoints implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      String base = STUB.baseUrl().replace("/oai", "");
      TestPropertyValues.of(
              "paperboy.arxiv.oai-base-url=" + base + "/oai",
              "paperboy.arxiv.api-base-url=" + base + "/api/query",
              "paperboy.arxiv.rss-base-url=" + base,
              "paperboy.arxiv.pdf-base-url=" + base + "/pdf",
              // Thumbnail rounds run when a test calls them, never on the scheduler's clock.
              "paperboy.thumbnails.enabled=false",
              "paperboy.arxiv.categories=cs.LG,cs.AI",
              "paperboy.arxiv.contact=ops@paperboy.example",
              "paperboy.arxiv.max-attempts=3",
              "paperboy.arxiv.read-timeout=PT1S",
              "paperboy.arxiv.max-body-bytes=1048576")
          .applyTo(context);
    }

    static ArxivStub start() {
      try {
        return new ArxivStub();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
