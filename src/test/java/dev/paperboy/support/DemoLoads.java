package dev.paperboy.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Waits until both parts of the demo (seed day and corpus) are loaded. */
public final class DemoLoads {
  private DemoLoads() {}

  public static void awaitDone(JdbcClient jdbc) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM demo_loads WHERE state = 'DONE'")
                        .query(Long.class)
                        .single()
                    == 2);
  }
}
