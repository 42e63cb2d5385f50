package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Community;
import dev.paperboy.support.CommunitySite;
import dev.paperboy.support.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.MapSession;

/**
 * Sessions are written when they change, not on every request: a signed-in member's page views
 * leave the session row alone, while signing in and out still take effect at once.
 */
@CommunitySite
class QuietSessionsTest {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void pageViewsOfASignedInMemberDoNotRewriteTheSessionButSignOutEndsIt() throws Exception {
    WebClient member = Community.verifiedMember(port, "quiet" + System.nanoTime() % 100_000);
    assertThat(member.get("/papers/submit").statusCode()).isEqualTo(200);
    long writtenAt = lastAccess();

    for (int i = 0; i < 3; i++) {
      Thread.sleep(20);
      assertThat(member.get("/papers/submit").statusCode()).isEqualTo(200);
    }

    assertThat(lastAccess()).isEqualTo(writtenAt);
    assertThat(member.submit("/papers/submit", "/logout", Map.of()).statusCode()).isEqualTo(302);
    assertThat(member.get("/papers/submit").statusCode()).isEqualTo(302);
    assertThat(sessions()).isZero();
  }

  @Test
  void aSessionIsWrittenWhenItChangesOrItsLastAccessIsAMinuteOld() {
    Instant read = Instant.parse("2026-11-27T12:00:00Z");
    MapSession stored = new MapSession("s1");
    stored.setLastAccessedTime(read);
    QuietSessions.Tracked session = new QuietSessions.Tracked(stored, false);

    session.setLastAccessedTime(read.plusSeconds(59));
    assertThat(session.mustBeWritten()).isFalse();
    session.setLastAccessedTime(read.plus(QuietSessions.LAST_ACCESS_PRECISION));
    assertThat(session.mustBeWritten()).isTrue();

    QuietSessions.Tracked changed = new QuietSessions.Tracked(stored, false);
    changed.setAttribute("csrf", "token");
    assertThat(changed.mustBeWritten()).isTrue();
    changed.written();
    assertThat(changed.mustBeWritten()).isFalse();
    assertThat(new QuietSessions.Tracked(new MapSession(), true).mustBeWritten()).isTrue();
    assertThat(Duration.between(read, session.getLastAccessedTime()))
        .isEqualTo(QuietSessions.LAST_ACCESS_PRECISION);
  }

  private long lastAccess() {
    return jdbc.sql(
            "SELECT max(LAST_ACCESS_TIME) FROM SPRING_SESSION WHERE PRINCIPAL_NAME LIKE 'quiet%'")
        .query(Long.class)
        .single();
  }

  private int sessions() {
    return jdbc.sql("SELECT count(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME LIKE 'quiet%'")
        .query(Integer.class)
        .single();
  }
}
