package dev.paperboy.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A page with one simple form: sign-up, sign-in, reset, submit, confirm. Field errors sit next to
 * their fields; {@code notice} is a message above the form.
 */
public final class FormPage {
  /** A line of text with one link, every part escaped by the template. */
  public record Link(String before, String text, String href, String after) {}

  /** One input. */
  public record Field(
      String name,
      String label,
      String type,
      String value,
      @Nullable String error,
      @Nullable String hint,
      String autocomplete) {}

  private final String title;
  private final String action;
  private final String submit;
  private final List<Field> fields = new ArrayList<>();
  private final Map<String, String> hidden = new LinkedHashMap<>();
  private final List<Link> links = new ArrayList<>();
  private @Nullable String intro;
  private @Nullable String notice;
  private @Nullable String csrfParameter;
  private @Nullable String csrfToken;
  private boolean rememberMe;

  FormPage(String title, String action, String submit) {
    this.title = title;
    this.action = action;
    this.submit = submit;
  }

  FormPage intro(String text) {
    this.intro = text;
    return this;
  }

  FormPage notice(@Nullable String text) {
    this.notice = text;
    return this;
  }

  FormPage field(String name, String label, String type, @Nullable String value) {
    fields.add(new Field(name, label, type, value == null ? "" : value, null, null, name));
    return this;
  }

  FormPage field(
      String name, String label, String type, @Nullable String value, String autocomplete) {
    fields.add(new Field(name, label, type, value == null ? "" : value, null, null, autocomplete));
    return this;
  }

  FormPage hint(String text) {
    Field last = fields.remove(fields.size() - 1);
    fields.add(
        new Field(
            last.name(),
            last.label(),
            last.type(),
            last.value(),
            last.error(),
            text,
            last.autocomplete()));
    return this;
  }

  /** Puts the message next to the named field, or above the form if there is no such field. */
  FormPage error(@Nullable String field, String message) {
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (f.name().equals(field)) {
        fields.set(
            i,
            new Field(
                f.name(), f.label(), f.type(), f.value(), message, f.hint(), f.autocomplete()));
        return this;
      }
    }
    return notice(message);
  }

  FormPage hidden(String name, @Nullable String value) {
    if (value != null) {
      hidden.put(name, value);
    }
    return this;
  }

  /** A line under the form with one link in it: text before, the link, text after. */
  FormPage link(String before, String text, String href, String after) {
    links.add(new Link(before, text, href, after));
    return this;
  }

  FormPage rememberMe() {
    this.rememberMe = true;
    return this;
  }

  FormPage csrf(@Nullable CsrfToken token) {
    if (token != null) {
      this.csrfParameter = token.getParameterName();
      this.csrfToken = token.getToken();
    }
    return this;
  }

  public String title() {
    return title;
  }

  public String action() {
    return action;
  }

  public String submit() {
    return submit;
  }

  public List<Field> fields() {
    return fields;
  }

  public Map<String, String> hiddenFields() {
    return hidden;
  }

  /** Links under the form; trusted HTML written here, never user text. */
  public List<Link> links() {
    return links;
  }

  public @Nullable String intro() {
    return intro;
  }

  public @Nullable String notice() {
    return notice;
  }

  public @Nullable String csrfParameter() {
    return csrfParameter;
  }

  public @Nullable String csrfToken() {
    return csrfToken;
  }

  public boolean hasRememberMe() {
    return rememberMe;
  }
}
