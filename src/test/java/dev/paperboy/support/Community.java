package dev.paperboy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

/** Steps members take on the site, through its pages and its mail. */
public final class Community {
  public static final String PASSWORD = "correct horse battery staple";

  private Community() {}

  /** Signs up, follows the link in the verification mail, and signs in. */
  public static WebClient verifiedMember(int port, String username) {
    WebClient browser = new WebClient(port);
    String email = username + "@example.org";
    HttpResponse<String> signUp =
        browser.submit(
            "/signup",
            "/signup",
            Map.of("email", email, "username", username, "password", PASSWORD));
    assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(200);
    String link = Mailbox.lastLink(email, "/verify");
    String token = link.substring(link.indexOf("token=") + 6);
    HttpResponse<String> verified = browser.submit(link, "/verify", Map.of("token", token));
    assertThat(verified.statusCode()).isEqualTo(200);
    signIn(browser, email, PASSWORD);
    return browser;
  }

  public static HttpResponse<String> signIn(WebClient browser, String email, String password) {
    HttpResponse<String> response =
        browser.submit("/login", "/login", Map.of("email", email, "password", password));
    assertThat(response.statusCode()).isEqualTo(302);
    return response;
  }
}
