package dev.paperboy.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;

/** The digest sign-up form as last filled in, with the field a refusal points at. */
public record SubscribeForm(
    CsrfToken csrf,
    String email,
    String cadence,
    String categories,
    String keywords,
    @Nullable String errorField,
    @Nullable String error) {
  static SubscribeForm blank(CsrfToken csrf, @Nullable String email) {
    return new SubscribeForm(csrf, email == null ? "" : email, "daily", "", "", null, null);
  }

  SubscribeForm withError(@Nullable String field, String message) {
    return new SubscribeForm(csrf, email, cadence, categories, keywords, field, message);
  }

  public boolean weekly() {
    return "weekly".equalsIgnoreCase(cadence);
  }

  public @Nullable String errorFor(String field) {
    return field.equals(errorField) ? error : null;
  }
}
