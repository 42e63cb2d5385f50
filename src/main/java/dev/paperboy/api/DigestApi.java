package dev.paperboy.api;

import dev.paperboy.digest.Bounces;
import dev.paperboy.digest.Cadence;
import dev.paperboy.digest.Subscriptions;
import dev.paperboy.rules.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Digest sign-up for programs, with the same double opt-in and limits as the form (MAIL-4), and the
 * relay's bounce webhook (MAIL-6). Sign-up through the API never uses a session: whoever calls it,
 * the address confirms by mail.
 */
@RestController
@Tag(name = "Digests", description = "Email digest sign-up and bounce reports")
class DigestApi {
  /** A sign-up; categories and keywords are optional. */
  record SubscribeRequest(
      @Nullable String email,
      @Nullable String cadence,
      @Nullable List<String> categories,
      @Nullable List<String> keywords) {}

  /** A bounce or complaint report: type is hard, soft or complaint. */
  record BounceReport(@Nullable String email, @Nullable String type) {}

  private static final String CHECK_INBOX =
      "If the address can get the digest, a confirmation mail is on its way to it.";

  private final Subscriptions subscriptions;
  private final Bounces bounces;

  DigestApi(Subscriptions subscriptions, Bounces bounces) {
    this.subscriptions = subscriptions;
    this.bounces = bounces;
  }

  @Operation(
      summary = "Subscribe an address to the digest",
      description =
          "Always 202 with the same message: a confirmation link goes to the address (at most one"
              + " mail a day per address). cadence is daily (default) or weekly.")
  @PostMapping(value = "/api/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> subscribe(
      @RequestBody SubscribeRequest body, HttpServletRequest request) {
    Cadence cadence;
    try {
      cadence = Cadence.parse(body.cadence() == null ? "daily" : body.cadence());
    } catch (IllegalArgumentException e) {
      throw Refusal.field("cadence", "cadence must be daily or weekly");
    }
    subscriptions.subscribe(
        new Subscriptions.Request(
            body.email() == null ? "" : body.email(),
            cadence,
            body.categories() == null ? List.of() : body.categories(),
            body.keywords() == null ? List.of() : body.keywords()),
        new Subscriptions.Origin("api", request.getRemoteAddr(), request.getHeader("User-Agent")),
        null);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", CHECK_INBOX));
  }

  @Operation(
      summary = "Report a bounce or complaint (for the mail relay)",
      description =
          "Needs the shared secret (paperboy.digest.bounce-secret) as a Bearer token. type is"
              + " hard, soft or complaint. An address that sends a wrong secret 10 times in an hour"
              + " is refused with 429 until the hour has passed.")
  @PostMapping(value = "/api/mail/bounces", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> bounce(
      @Parameter(description = "Bearer and the shared secret")
          @RequestHeader(value = "Authorization", required = false)
          @Nullable String authorization,
      @RequestBody BounceReport report,
      HttpServletRequest request) {
    String presented =
        authorization != null && authorization.startsWith("Bearer ")
            ? authorization.substring("Bearer ".length())
            : null;
    if (!bounces.authentic(presented, request.getRemoteAddr())) {
      throw Refusal.of(Refusal.Kind.NOT_SIGNED_IN, "A bounce report needs the shared secret.");
    }
    Bounces.Kind kind;
    try {
      kind = Bounces.Kind.valueOf(String.valueOf(report.type()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.field("type", "type must be hard, soft or complaint");
    }
    boolean suppressed = bounces.report(report.email() == null ? "" : report.email(), kind);
    return ResponseEntity.ok(Map.of("suppressed", suppressed));
  }
}
