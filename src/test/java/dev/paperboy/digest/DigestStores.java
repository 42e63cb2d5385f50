package dev.paperboy.digest;

import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.store.SqlValues;
import dev.paperboy.support.Mailbox;
import dev.paperboy.support.Stores;
import dev.paperboy.support.TestPapers;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds and reads the stores of the digest tests that run Paperboy in other JVMs ({@link
 * dev.paperboy.support.Stores} makes them, {@link dev.paperboy.support.Node} starts the JVMs).
 */
final class DigestStores {
  private DigestStores() {}

  /** Three papers on {@code day}'s list, and {@code subscribers} active daily subscribers. */
  static void seed(List<String> store, String domain, LocalDate day, int subscribers) {
    try (ConfigurableApplicationContext context = Stores.context(store)) {
      var curator =
          context
              .getBean(Accounts.class)
              .add(
                  "curator@" + domain,
                  "curator" + Math.abs(domain.hashCode()),
                  Role.CURATOR,
                  "correct horse battery staple");
      for (int i = 0; i < 3; i++) {
        String id = String.format("2611.%05d", 40_000 + i);
        Instant published = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        context
            .getBean(Papers.class)
            .upsertAll(List.of(TestPapers.recent(id, "Digest " + id, published)));
        context.getBean(DailyLists.class).feature(ArxivId.parse(id), day, curator.member());
      }
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      String now = SqlValues.text(Instant.now());
      for (int i = 0; i < subscribers; i++) {
        jdbc.sql(
                """
                INSERT INTO subscriptions (email, cadence, status, manage_key, created_at,
                                           consent_form, confirmed_at, last_active_at)
                VALUES (:email, 'DAILY', 'ACTIVE', :key, :now, 'test', :now, :now)
                """)
            .param("email", "s" + i + "@" + domain)
            .param("key", "key-" + i + "-" + domain)
            .param("now", now)
            .update();
      }
    }
  }

  /** The first column of the first row of a query, through a short-lived context. */
  static int count(List<String> store, String sql) {
    try (ConfigurableApplicationContext context = Stores.context(store)) {
      return context.getBean(JdbcClient.class).sql(sql).query(Integer.class).single();
    }
  }

  /** Digests received per subscriber of the domain. */
  static Map<String, Integer> received(String domain) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    for (MimeMessage message : Mailbox.all()) {
      for (var to : message.getRecipients(Message.RecipientType.TO)) {
        String address = to.toString();
        if (address.endsWith("@" + domain) && !address.startsWith("curator")) {
          counts.merge(address, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
