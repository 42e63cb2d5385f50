package dev.paperboy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/** The application without web server or demo, on a fresh SQLite file; one context for all. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"paperboy.demo.enabled=false", "paperboy.search.settle=PT0S"})
@ContextConfiguration(initializers = SqliteStore.Initializer.class)
public @interface SqliteStore {
  class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      try {
        TestPropertyValues.of(
                "paperboy.store.data-dir=" + Files.createTempDirectory("paperboy-sqlite-test"))
            .applyTo(context);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
