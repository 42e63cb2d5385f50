package dev.paperboy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole site on a random port over a fresh SQLite store, with the demo loaded: the real seed
 * day, and the 250-record Kaggle sample in place of the 10,000-paper corpus.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "paperboy.demo.corpus=classpath:arxiv-snapshot/kaggle-format-sample-250.jsonl",
      "paperboy.search.settle=PT0S"
    })
@ContextConfiguration(initializers = SqliteStore.Initializer.class)
@Import(FixedClock.class)
public @interface Site {}
