package dev.paperboy.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the tables between tests that share one application context. */
public final class Tables {
  private Tables() {}

  public static void clean(JdbcClient jdbc) {
    for (String table :
        new String[] {
          "digest_papers",
          "digest_outbox",
          "digest_editions",
          "subscription_tokens",
          "subscriptions",
          "suppressions",
          "soft_bounces",
          "votes",
          "comments",
          "account_tokens",
          "rate_limits",
          "daily_entries",
          "paper_vectors",
          "vector_progress",
          "paper_versions",
          "papers",
          "members",
          "demo_loads",
          "harvests",
          "snapshot_imports",
          "arxiv_requests"
        }) {
      jdbc.sql("DELETE FROM " + table).update();
    }
  }

  public static long count(JdbcClient jdbc, String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }
}
