package dev.paperboy.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Session writes only when a session changes, or its last access is a minute old. Spring Session
 * writes the last-access time back on every request of a signed-in member: a database write per
 * page view, which on SQLite queues behind votes for the one writer connection (bench/load.sh
 * measured signed-in page views at a 2 s p95 for it). A session's expiry is fourteen days out, so a
 * minute's precision costs nothing; attributes, id changes (sign-in) and new sessions are always
 * written at once. The JDBC repository Spring Boot makes is wrapped as it is created.
 */
@Component
class QuietSessions implements BeanPostProcessor {
  /** Last-access times closer than this to the stored one are not written. */
  static final Duration LAST_ACCESS_PRECISION = Duration.ofMinutes(1);

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (bean instanceof JdbcIndexedSessionRepository sessions) {
      return new Repository(sessions);
    }
    return bean;
  }

  /** The JDBC repository with writes of unchanged sessions left out. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static final class Repository
      implements FindByIndexNameSessionRepository<Tracked>, DisposableBean {
    private final JdbcIndexedSessionRepository store;
    private final FindByIndexNameSessionRepository raw;

    Repository(JdbcIndexedSessionRepository store) {
      this.store = store;
      this.raw = store;
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
      Session found = store.findById(id);
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
          store.findByIndexNameAndIndexValue(indexName, indexValue);
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
