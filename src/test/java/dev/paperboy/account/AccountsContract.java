package dev.paperboy.account;

import static dev.paperboy.support.Community.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Community;
import dev.paperboy.support.CountingEncoder;
import dev.paperboy.support.Mailbox;
import dev.paperboy.support.WebClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts through the real pages, mail and database, on both engines: docs/reliability.md AUTH-1 …
 * AUTH-6.
 */
abstract class AccountsContract {
  private static final AtomicInteger NAMES = new AtomicInteger();

  @LocalServerPort int port;

  @Autowired JdbcClient jdbc;

  @Autowired CountingEncoder encoder;

  private static String fresh(String prefix) {
    return prefix + NAMES.incrementAndGet();
  }

  private HttpResponse<String> signUp(WebClient browser, String email, String username, String pw) {
    return browser.submit(
        "/signup", "/signup", Map.of("email", email, "username", username, "password", pw));
  }

  private String storedHash(String email) {
    return jdbc.sql("SELECT password_hash FROM members WHERE email = :email")
        .param("email", email)
        .query(String.class)
        .single();
  }

  @Test
  void passwordsAreHashedWithArgon2idAtTheStatedParametersAndNeverTruncated() {
    String name = fresh("argon");
    String email = name + "@example.org";
    String longPassword = "x".repeat(79) + "A" + "y".repeat(20);
    WebClient browser = new WebClient(port);
    assertThat(signUp(browser, email, name, longPassword).statusCode()).isEqualTo(200);

    assertThat(storedHash(email)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    String variant = "x".repeat(79) + "B" + "y".repeat(20);
    assertThat(
            browser
                .submit("/login", "/login", Map.of("email", email, "password", variant))
                .headers()
                .firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
    assertThat(
            browser
                .submit("/login", "/login", Map.of("email", email, "password", longPassword))
                .headers()
                .firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
  }

  @Test
  void aWeakerHashIsUpgradedAtTheNextSuccessfulSignIn() {
    String name = fresh("upgrade");
    String email = name + "@example.org";
    assertThat(signUp(new WebClient(port), email, name, PASSWORD).statusCode()).isEqualTo(200);
    String weak =
        new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 4096, 1)
            .encode(PASSWORD);
    jdbc.sql("UPDATE members SET password_hash = :hash WHERE email = :email")
        .param("hash", weak)
        .param("email", email)
        .update();

    Community.signIn(new WebClient(port), email, PASSWORD);

    assertThat(storedHash(email)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void weakPasswordsAreRefusedWithAFieldMessageAndNothingIsStored() {
    for (String bad : List.of("password", "12345678", "seven77", " ".repeat(256), "abc\0defghij")) {
      String name = fresh("weak");
      HttpResponse<String> response = signUp(new WebClient(port), name + "@example.org", name, bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(response.body()).contains("class=\"field-error\" id=\"help-password\"");
      assertThat(
              jdbc.sql("SELECT count(*) FROM members WHERE username = :u")
                  .param("u", name)
                  .query(Integer.class)
                  .single())
          .isZero();
    }
    String emoji = fresh("emoji");
    assertThat(
            signUp(new WebClient(port), emoji + "@example.org", emoji, "🦊🐙🦉🐝🦄🐢🐬🦔")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aTenMegabytePasswordIsRefusedBeforeAnyHashIsComputed() throws IOException {
    WebClient browser = new WebClient(port);
    String token = browser.csrf("/signup");
    int before = encoder.hashes();
    String cookie = "__Host-SESSION=" + browser.cookies().get("__Host-SESSION");
    int signUp =
        statusOfHugePost(
            "/signup", cookie, "_csrf=" + token + "&email=h%40example.org&username=huge&password=");
    int signIn =
        statusOfHugePost("/login", cookie, "_csrf=" + token + "&email=h%40example.org&password=");

    assertThat(signUp).isEqualTo(413);
    assertThat(signIn).isEqualTo(413);
    assertThat(encoder.hashes() - before).isZero();
  }

  /**
   * Announces a form of 10 MB whose last field is a password of 'a's, sends its first 64 KB, and
   * reads the status the server answers with (it need not wait for the rest).
   */
  private int statusOfHugePost(String path, String cookie, String start) throws IOException {
    long length = start.length() + (10L << 20);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nContent-Type: application/x-www-form-urlencoded\r\nCookie: "
                  + cookie
                  + "\r\nContent-Length: "
                  + length
                  + "\r\n\r\n"
                  + start)
              .getBytes(StandardCharsets.US_ASCII));
      out.write("a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  @Test
  void signUpResetAndSignInAnswerTheSameForKnownAndUnknownAddresses() {
    String known = fresh("known");
    assertThat(signUp(new WebClient(port), known + "@example.org", known, PASSWORD).statusCode())
        .isEqualTo(200);
    int mailsBefore = Mailbox.to(known + "@example.org").size();

    for (int i = 0; i < 5; i++) {
      int hashesBefore = encoder.hashes();
      String a = masked(signUp(new WebClient(port), known + "@example.org", fresh("n"), PASSWORD));
      int knownHashes = encoder.hashes() - hashesBefore;
      hashesBefore = encoder.hashes();
      String unknownName = fresh("unknown");
      String b =
          masked(signUp(new WebClient(port), unknownName + "@example.org", fresh("n"), PASSWORD));
      int unknownHashes = encoder.hashes() - hashesBefore;
      assertThat(a).isEqualTo(b);
      assertThat(knownHashes).isEqualTo(1).isEqualTo(unknownHashes);
    }
    // One notice per attempt goes to the owner; the person signing up learns nothing.
    assertThat(Mailbox.to(known + "@example.org")).hasSize(mailsBefore + 5);
    assertThat(Mailbox.body(Mailbox.to(known + "@example.org").get(mailsBefore)))
        .contains("already has an account");

    WebClient browser = new WebClient(port);
    String resetKnown =
        masked(browser.submit("/reset", "/reset", Map.of("email", known + "@example.org")));
    String resetUnknown =
        masked(browser.submit("/reset", "/reset", Map.of("email", "nobody@example.org")));
    assertThat(resetKnown).isEqualTo(resetUnknown);

    int hashesBefore = encoder.hashes();
    HttpResponse<String> wrong =
        browser.submit(
            "/login", "/login", Map.of("email", known + "@example.org", "password", "not it!!"));
    int knownLogin = encoder.hashes() - hashesBefore;
    hashesBefore = encoder.hashes();
    HttpResponse<String> unknown =
        browser.submit(
            "/login", "/login", Map.of("email", "nobody@example.org", "password", "not it!!"));
    assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(302);
    assertThat(wrong.headers().firstValue("Location"))
        .isEqualTo(unknown.headers().firstValue("Location"));
    assertThat(knownLogin).isEqualTo(1).isEqualTo(encoder.hashes() - hashesBefore);
  }

  private static String masked(HttpResponse<String> response) {
    return response.statusCode()
        + "\n"
        + response.body().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\"");
  }

  @Test
  void verificationLinksShowAFormOnGetAndWorkOnceOnPost() {
    String name = fresh("verify");
    String email = name + "@example.org";
    WebClient browser = new WebClient(port);
    signUp(browser, email, name, PASSWORD);
    String link = Mailbox.lastLink(email, "/verify");
    String token = link.substring(link.indexOf("token=") + 6);

    HttpResponse<String> scanner = new WebClient(port).get(link);
    assertThat(scanner.statusCode()).isEqualTo(200);
    assertThat(verifiedAt(email)).isNull();
    assertThat(
            jdbc.sql("SELECT count(*) FROM account_tokens WHERE token_hash = :raw")
                .param("raw", token)
                .query(Integer.class)
                .single())
        .as("only a hash of the token is stored")
        .isZero();

    String altered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
    assertThat(browser.submit(link, "/verify", Map.of("token", altered)).statusCode())
        .isEqualTo(400);
    assertThat(browser.submit(link, "/verify", Map.of("token", token)).statusCode()).isEqualTo(200);
    assertThat(verifiedAt(email)).isNotNull();
    HttpResponse<String> reused = browser.submit("/signup", "/verify", Map.of("token", token));
    assertThat(reused.statusCode()).isEqualTo(410);
    assertThat(reused.body()).contains("Request a new link");
  }

  @Test
  void anExpiredResetLinkIsRefusedAndAPasswordChangeRevokesTheOthers() {
    String name = fresh("reset");
    String email = name + "@example.org";
    signUp(new WebClient(port), email, name, PASSWORD);
    WebClient browser = new WebClient(port);
    browser.submit("/reset", "/reset", Map.of("email", email));
    String first = Mailbox.lastLink(email, "/reset/confirm");
    browser.submit("/reset", "/reset", Map.of("email", email));
    String second = Mailbox.lastLink(email, "/reset/confirm");
    assertThat(first).isNotEqualTo(second);

    HttpResponse<String> changed =
        browser.submit(
            second,
            "/reset/confirm",
            Map.of("token", token(second), "password", "a brand new passphrase"));
    assertThat(changed.statusCode()).isEqualTo(200);
    HttpResponse<String> revoked =
        browser.submit(
            "/reset", "/reset/confirm", Map.of("token", token(first), "password", "another one!!"));
    assertThat(revoked.statusCode()).isIn(400, 410);

    browser.submit("/reset", "/reset", Map.of("email", email));
    String third = Mailbox.lastLink(email, "/reset/confirm");
    jdbc.sql("UPDATE account_tokens SET expires_at = created_at WHERE purpose = 'RESET'").update();
    assertThat(browser.get(third).statusCode()).isEqualTo(410);
    HttpResponse<String> expired =
        browser.submit(
            "/reset", "/reset/confirm", Map.of("token", token(third), "password", "too late now!"));
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(expired.body()).contains("expired");
    Community.signIn(browser, email, "a brand new passphrase");
  }

  private static String token(String link) {
    return link.substring(link.indexOf("token=") + 6);
  }

  private Object verifiedAt(String email) {
    return jdbc.sql("SELECT email_verified_at FROM members WHERE email = :email")
        .param("email", email)
        .query((rs, n) -> rs.getObject(1))
        .optional()
        .orElse(null);
  }

  @Test
  void signingInGivesANewSessionCookieThatEndsWithSignOut() {
    WebClient browser = new WebClient(port);
    browser.csrf("/login");
    String anonymous = browser.cookies().get("__Host-SESSION");
    assertThat(anonymous).isNotNull();
    String name = fresh("session");
    signUp(browser, name + "@example.org", name, PASSWORD);

    HttpResponse<String> signedIn = Community.signIn(browser, name + "@example.org", PASSWORD);

    String session = browser.cookies().get("__Host-SESSION");
    assertThat(session).isNotEqualTo(anonymous);
    assertThat(signedIn.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("__Host-SESSION=")
                    .contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/"));
    assertThat(browser.get("/account").statusCode()).isEqualTo(200);

    String token = browser.csrf("/account");
    assertThat(browser.post("/logout", Map.of("_csrf", token)).statusCode()).isEqualTo(302);
    WebClient replay = new WebClient(port);
    replay.setCookie("__Host-SESSION", session);
    HttpResponse<String> afterLogout = replay.get("/account");
    assertThat(afterLogout.statusCode()).isEqualTo(302);
    assertThat(afterLogout.headers().firstValue("Location").orElseThrow()).contains("/login");
  }

  @Test
  void rememberMeSignsInAFreshBrowserUntilSignOut() {
    String name = fresh("remember");
    signUp(new WebClient(port), name + "@example.org", name, PASSWORD);
    WebClient browser = new WebClient(port);
    browser.submit(
        "/login",
        "/login",
        Map.of("email", name + "@example.org", "password", PASSWORD, "remember", "true"));
    String remembered = browser.cookies().get("__Host-remember");
    assertThat(remembered).isNotNull();

    WebClient nextWeek = new WebClient(port);
    nextWeek.setCookie("__Host-remember", remembered);
    assertThat(nextWeek.get("/account").statusCode()).isEqualTo(200);

    String token = browser.csrf("/account");
    browser.post("/logout", Map.of("_csrf", token));
    WebClient afterSignOut = new WebClient(port);
    afterSignOut.setCookie("__Host-remember", remembered);
    assertThat(afterSignOut.get("/account").statusCode()).isEqualTo(302);
  }

  @Test
  void aPasswordChangeEndsTheMembersOtherSessions() {
    String name = fresh("change");
    WebClient laptop = Community.verifiedMember(port, name);
    WebClient phone = new WebClient(port);
    Community.signIn(phone, name + "@example.org", PASSWORD);
    assertThat(phone.get("/account").statusCode()).isEqualTo(200);

    HttpResponse<String> changed =
        laptop.submit(
            "/account",
            "/account/password",
            Map.of("current", PASSWORD, "password", "a different passphrase"));

    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
    assertThat(phone.get("/account").statusCode()).isEqualTo(302);
  }

  @Test
  void aFormPostWithoutItsTokenIsRefused() {
    WebClient member = Community.verifiedMember(port, fresh("csrf"));
    int before = jdbc.sql("SELECT count(*) FROM votes").query(Integer.class).single();
    HttpResponse<String> forged =
        member.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/upvote"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("paper=2310.11366")));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(jdbc.sql("SELECT count(*) FROM votes").query(Integer.class).single())
        .as("no vote was stored")
        .isEqualTo(before);
  }

  @Test
  void onlySameSitePathsAreFollowedAfterSignIn() {
    String name = fresh("next");
    signUp(new WebClient(port), name + "@example.org", name, PASSWORD);
    for (String evil :
        List.of(
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "%2F%2Fevil.example",
            "/%5Cevil.example",
            "javascript:alert(1)")) {
      WebClient browser = new WebClient(port);
      HttpResponse<String> response =
          browser.submit(
              "/login",
              "/login",
              Map.of("email", name + "@example.org", "password", PASSWORD, "next", evil));
      assertThat(local(response)).as(evil).isEqualTo("/");
    }
    WebClient browser = new WebClient(port);
    HttpResponse<String> fine =
        browser.submit(
            "/login",
            "/login",
            Map.of(
                "email", name + "@example.org", "password", PASSWORD, "next", "/papers/trending"));
    assertThat(local(fine)).isEqualTo("/papers/trending");
  }

  /** The redirect's target with this site's own origin (Tomcat makes locations absolute) cut. */
  private String local(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    String origin = "http://127.0.0.1:" + port;
    return location.startsWith(origin + "/") ? location.substring(origin.length()) : location;
  }
}
