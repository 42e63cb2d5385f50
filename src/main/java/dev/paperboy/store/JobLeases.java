package dev.paperboy.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leases that keep scheduled work to one node at a time. A lease only saves wasted work: the jobs
 * themselves are idempotent (checkpoints, unique keys), so two holders after a clock skew or an
 * expired lease do no harm beyond repeating a step.
 */
@Component
public class JobLeases {
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  /** This process; a restarted node is a new holder. */
  private final String holder = UUID.randomUUID().toString();

  JobLeases(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Takes or renews the lease when it is free, expired or already ours. */
  public boolean tryAcquire(String job, Duration length) {
    Instant now = clock.instant();
    Boolean taken =
        transaction.execute(
            tx -> {
              jdbc.sql(
                      """
                      INSERT INTO job_leases (name, holder, until) VALUES (:name, '', :epoch)
                      ON CONFLICT (name) DO NOTHING
                      """)
                  .param("name", job)
                  .param("epoch", SqlValues.text(Instant.EPOCH))
                  .update();
              return jdbc.sql(
                          """
                          UPDATE job_leases SET holder = :holder, until = :until
                          WHERE name = :name AND (until < :now OR holder = :holder)
                          """)
                      .param("holder", holder)
                      .param("until", SqlValues.text(now.plus(length)))
                      .param("name", job)
                      .param("now", SqlValues.text(now))
                      .update()
                  == 1;
            });
    return Boolean.TRUE.equals(taken);
  }

  /** Gives the lease back early, if it is ours. */
  public void release(String job) {
    jdbc.sql("UPDATE job_leases SET until = :epoch WHERE name = :name AND holder = :holder")
        .param("epoch", SqlValues.text(Instant.EPOCH))
        .param("name", job)
        .param("holder", holder)
        .update();
  }
}
