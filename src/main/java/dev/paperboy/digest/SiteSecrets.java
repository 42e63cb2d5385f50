package dev.paperboy.digest;

import dev.paperboy.store.SqlValues;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secrets made once per site and shared by every node through the database: the first node to need
 * one makes it, the others read it.
 */
@Component
class SiteSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ConcurrentHashMap<String, String> known = new ConcurrentHashMap<>();

  SiteSecrets(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  String get(String name) {
    return known.computeIfAbsent(name, this::load);
  }

  private String load(String name) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    // Whoever inserts first wins; everyone then reads the same row.
    jdbc.sql(
            "INSERT INTO site_secrets (name, value, created_at) VALUES (:name, :value, :now)"
                + " ON CONFLICT (name) DO NOTHING")
        .param("name", name)
        .param("value", HexFormat.of().formatHex(bytes))
        .param("now", SqlValues.text(clock.instant()))
        .update();
    return jdbc.sql("SELECT value FROM site_secrets WHERE name = :name")
        .param("name", name)
        .query(String.class)
        .single();
  }
}
