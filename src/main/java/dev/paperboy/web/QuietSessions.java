package dev.paperboy.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Session writes only when a session changes, or its last access is a minute old. Spring Session
 * writes the last-access time back on every request of a signed-in member: a database write per
 * page view, which on SQLite queues behind votes for the one writer connection (bench/load.sh
 * measured signed-in page views at a 2 s p95 for it). A session's expiry is fourteen days out, so a
 * minute's precision costs nothing; attributes, id changes (sign-in) and new sessions are always
 * written at once. Look-ups run in read-only transactions, which SQLite serves from its readers
 * (Spring Session's own transactions are read-write: every signed-in request would queue for the
 * writer). The JDBC repository Spring Boot makes is wrapped as it is created.
 */
@Component
class QuietSessions implements BeanPostProcessor {
  /** Last-access times closer than this to the stored one are not written. */
  static final Duration LAST_ACCESS_PRECISION = Duration.ofMinutes(1);

  private final ObjectProvider<PlatformTransactionManager> transactions;

  QuietSessions(ObjectProvider<PlatformTransactionManager> transactions) {
    this.transactions = transactions;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (bean instanceof JdbcIndexedSessionRepository sessions) {
      TransactionTemplate reads = new TransactionTemplate(transactions.getObject());
      reads.setReadOnly(true);
      return new Repository(sessions, reads);
    }
    return bean;
  }

  /**
   * Spring Session's statements join the caller's transaction instead of always opening a new one
   * (its default): the look-ups then run in the read-only transactions around them, and a session
   * write from inside a write transaction shares SQLite's one writer connection instead of waiting
   * for a second. Spring Boot's own {@code TransactionTemplate} would be the same template, so the
   * application's code is given this one.
   */
  @Bean
  static TransactionTemplate springSessionTransactionOperations(
      PlatformTransactionManager transactionManager) {
    return new TransactionTemplate(transactionManager);
  }

  /** The JDBC repository with writes of unchanged sessions left out. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static final class Repository
      implements FindByIndexNameSessionRepository<Tracked>, DisposableBean {
    private final JdbcIndexedSessionRepository store;
    private final FindByIndexNameSessionRepository raw;
    private final TransactionTemplate reads;

    Repository(JdbcIndexedSessionRepository store, TransactionTemplate reads) {
      this.store = store;
      this.raw = store;
      this.reads = reads;
    }

    @Override
    public Tracked createSession() {
      return new Tracked(store.createSession(), true);
    }

    @Override
    public void save(Tracked session) {
      if (session.mustBeWritten()) {
        raw.save(session.session);
        session.written();
      }
    }

    @Override
    public @Nullable Tracked findById(String id) {
      Session found = (Session) reads.execute(tx -> raw.findById(id));
      return found == null ? null : new Tracked(found, false);
    }

    @Override
    public void deleteById(String id) {
      store.deleteById(id);
    }

    @Override
    public Map<String, Tracked> findByIndexNameAndIndexValue(String indexName, String indexValue) {
      Map<String, Tracked> found = new LinkedHashMap<>();
      Map<String, ? extends Session> sessions =
          (Map<String, ? extends Session>)
              reads.execute(tx -> raw.findByIndexNameAndIndexValue(indexName, indexValue));
      sessions.forEach((id, session) -> found.put(id, new Tracked(session, false)));
      return found;
    }

    @Override
    public void destroy() {
      store.destroy();
    }
  }

  /** A session that knows whether anything but its last-access time changed since it was read. */
  static final class Tracked implements Session {
    private final Session session;
    private boolean fresh;
    private boolean changed;
    private Instant storedAccess;

    Tracked(Session session, boolean fresh) {
      this.session = session;
      this.fresh = fresh;
      this.storedAccess = session.getLastAccessedTime();
    }

    boolean mustBeWritten() {
      return fresh
          || changed
          || Duration.between(storedAccess, session.getLastAccessedTime())
                  .compareTo(LAST_ACCESS_PRECISION)
              >= 0;
    }

    void written() {
      fresh = false;
      changed = false;
      storedAccess = session.getLastAccessedTime();
    }

    @Override
    public String getId() {
      return session.getId();
    }

    @Override
    public String changeSessionId() {
      changed = true;
      return session.changeSessionId();
    }

    @Override
    public <T> @Nullable T getAttribute(String attributeName) {
      return session.getAttribute(attributeName);
    }

    @Override
    public Set<String> getAttributeNames() {
      return session.getAttributeNames();
    }

    @Override
    public void setAttribute(String attributeName, Object attributeValue) {
      changed = true;
      session.setAttribute(attributeName, attributeValue);
    }

    @Override
    public void removeAttribute(String attributeName) {
      changed = true;
      session.removeAttribute(attributeName);
    }

    @Override
    public Instant getCreationTime() {
      return session.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      session.setLastAccessedTime(lastAccessedTime);
    }

    @Override
    public Instant getLastAccessedTime() {
      return session.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      changed = true;
      session.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return session.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return session.isExpired();
    }
  }
}
