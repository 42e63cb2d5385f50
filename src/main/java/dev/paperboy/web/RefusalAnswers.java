package dev.paperboy.web;

import dev.paperboy.rules.Refusal;
import jakarta.servlet.http.HttpServletResponse;

/** How a refusal shows on an HTML answer: its status, and when to retry after a limit. */
final class RefusalAnswers {
  private RefusalAnswers() {}

  static void status(HttpServletResponse response, Refusal refusal) {
    response.setStatus(refusal.kind().status());
    if (refusal.kind() == Refusal.Kind.TOO_MANY) {
      response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
    }
  }
}
