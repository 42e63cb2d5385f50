package dev.paperboy.support;

import dev.paperboy.store.SqlValues;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts the store, the stub, the clock and the politeness gate back to a known start. */
public final class ArxivState {
  private ArxivState() {}

  public static void reset(JdbcClient jdbc, Instant now) {
    // A connection the client abandoned (read timeout) may still be winding down in the stub.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> StubbedArxiv.STUB.inFlight() == 0);
    StubbedArxiv.STUB.reset();
    StubbedArxiv.TIME.set(now);
    jdbc.sql("DELETE FROM announcements").update();
    Tables.clean(jdbc);
    jdbc.sql("DELETE FROM job_leases").update();
    jdbc.sql("UPDATE arxiv_gate SET next_start_at = :epoch, busy_until = NULL")
        .param("epoch", SqlValues.text(Instant.EPOCH))
        .update();
  }
}
