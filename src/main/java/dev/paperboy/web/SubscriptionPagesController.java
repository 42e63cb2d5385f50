package dev.paperboy.web;

import dev.paperboy.account.Account;
import dev.paperboy.account.CurrentMember;
import dev.paperboy.account.LinkState;
import dev.paperboy.digest.Cadence;
import dev.paperboy.digest.DigestSettings;
import dev.paperboy.digest.Editions;
import dev.paperboy.digest.Subscription;
import dev.paperboy.digest.Subscriptions;
import dev.paperboy.rules.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Digest sign-up and the pages behind the links in digest mail. Links in mail show a page on GET
 * and act only on POST, so a mail scanner that follows links changes nothing (MAIL-4, MAIL-5). The
 * one-click unsubscribe POST needs no session and no CSRF token, answers 200 without a redirect,
 * and may be replayed (RFC 8058).
 */
@Controller
class SubscriptionPagesController {
  private static final String CHECK_INBOX =
      "If the address can get the digest, a mail is on its way to it: follow the link inside to"
          + " confirm. It can take a minute; check the spam folder too.";
  private static final String UNKNOWN_LINK = "This link is not valid. It may have been mistyped.";

  private final Subscriptions subscriptions;
  private final Editions editions;
  private final CurrentMember current;
  private final DigestSettings settings;
  private final InboxNotice inbox;

  SubscriptionPagesController(
      Subscriptions subscriptions,
      Editions editions,
      CurrentMember current,
      DigestSettings settings,
      InboxNotice inbox) {
    this.subscriptions = subscriptions;
    this.editions = editions;
    this.current = current;
    this.settings = settings;
    this.inbox = inbox;
  }

  /** The sign-up form; {@code email} comes from the small form in every page's header. */
  @GetMapping("/subscribe")
  String form(@RequestParam(required = false) @Nullable String email, CsrfToken csrf, Model model) {
    String address = email;
    if (address == null) {
      address = current.get().map(Account::email).orElse("");
    }
    model.addAttribute("page", SubscribeForm.blank(csrf, address));
    return "subscribe";
  }

  @PostMapping("/subscribe")
  String subscribe(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "daily") String cadence,
      @RequestParam(defaultValue = "") String categories,
      @RequestParam(defaultValue = "") String keywords,
      HttpServletRequest request,
      HttpServletResponse response,
      CsrfToken csrf,
      Model model) {
    SubscribeForm form = new SubscribeForm(csrf, email, cadence, categories, keywords, null, null);
    boolean active;
    try {
      active =
          subscriptions.subscribe(
              new Subscriptions.Request(
                  email, parseCadence(cadence), List.of(categories), List.of(keywords)),
              new Subscriptions.Origin(
                  "subscribe-page", request.getRemoteAddr(), request.getHeader("User-Agent")),
              current.get().orElse(null));
    } catch (Refusal e) {
      RefusalAnswers.status(response, e);
      model.addAttribute("page", form.withError(e.field(), e.getMessage()));
      return "subscribe";
    }
    if (active) {
      return message(
          model,
          "You are subscribed",
          "Your account's address is confirmed already, so the digest starts with the next"
              + " edition. Every digest has a link to change or stop it.");
    }
    return message(model, "Check your inbox", inbox.after(CHECK_INBOX));
  }

  @GetMapping("/subscribe/confirm/{token}")
  String confirmPage(
      @PathVariable String token, HttpServletResponse response, CsrfToken csrf, Model model) {
    LinkState state = subscriptions.check(token);
    return switch (state) {
      case VALID ->
          form(
              model,
              new FormPage("Confirm your subscription", "/subscribe/confirm/" + token, "Confirm")
                  .intro("One click and the digest starts with the next edition.")
                  .csrf(csrf));
      case EXPIRED -> {
        response.setStatus(410);
        yield form(
            model,
            new FormPage(
                    "This link has expired",
                    "/subscribe/confirm/" + token + "/resend",
                    "Send me a new link")
                .intro(
                    "Confirmation links work for "
                        + settings.confirmFor().toHours()
                        + " hours. Ask for a new one and it goes to the same address.")
                .csrf(csrf));
      }
      case USED -> {
        response.setStatus(410);
        yield message(model, "Already confirmed", "This link has been used: you are subscribed.");
      }
      case UNKNOWN -> {
        response.setStatus(404);
        yield message(model, "Link not found", UNKNOWN_LINK);
      }
    };
  }

  @PostMapping("/subscribe/confirm/{token}")
  String confirm(@PathVariable String token, HttpServletResponse response, Model model) {
    try {
      Subscription subscription = subscriptions.confirm(token);
      return message(
          model,
          "You are subscribed",
          "The "
              + subscription.cadence().label()
              + " digest starts with the next edition. Every"
              + " digest has a link to change or stop it.");
    } catch (Refusal e) {
      RefusalAnswers.status(response, e);
      return message(model, "This link cannot be used", e.getMessage());
    }
  }

  @PostMapping("/subscribe/confirm/{token}/resend")
  String resend(@PathVariable String token, Model model) {
    subscriptions.resend(token);
    return message(model, "Check your inbox", inbox.after(CHECK_INBOX));
  }

  /** The unsubscribe link of the mail's body: a page with the button, never a change. */
  @GetMapping("/u/{key}")
  String unsubscribePage(@PathVariable String key, HttpServletResponse response, Model model) {
    if (subscriptions.byKey(key).isEmpty()) {
      response.setStatus(404);
      return message(model, "Link not found", UNKNOWN_LINK);
    }
    return form(
        model,
        new FormPage("Unsubscribe", "/u/" + key, "Unsubscribe")
            .intro("Stop the Paperboy digest at this address? No more digests will be sent.")
            .link("", "Change what you get or pause instead", "/subscription/" + key, ""));
  }

  /**
   * One-click unsubscribe (RFC 8058): mail clients POST {@code List-Unsubscribe=One-Click} here
   * without cookies. The answer is a plain 200 whatever the body; an unknown key is a 404.
   */
  @PostMapping(value = "/u/{key}", produces = MediaType.TEXT_PLAIN_VALUE)
  @ResponseBody
  ResponseEntity<String> unsubscribe(@PathVariable String key) {
    if (!subscriptions.unsubscribe(key)) {
      return ResponseEntity.status(404).body("This link is not valid.\n");
    }
    return ResponseEntity.ok(
        "You are unsubscribed: no more Paperboy digests will be sent to this address.\n");
  }

  @GetMapping("/subscription/{key}")
  String preferences(
      @PathVariable String key, HttpServletResponse response, CsrfToken csrf, Model model) {
    return subscriptions
        .visit(key)
        .map(s -> preferencesPage(model, s, csrf, null))
        .orElseGet(
            () -> {
              response.setStatus(404);
              return message(model, "Link not found", UNKNOWN_LINK);
            });
  }

  @PostMapping("/subscription/{key}")
  String update(
      @PathVariable String key,
      @RequestParam(defaultValue = "daily") String cadence,
      @RequestParam(defaultValue = "") String categories,
      @RequestParam(defaultValue = "") String keywords,
      HttpServletResponse response,
      CsrfToken csrf,
      Model model) {
    try {
      Subscription s =
          subscriptions.update(key, parseCadence(cadence), List.of(categories), List.of(keywords));
      return preferencesPage(model, s, csrf, "Saved.");
    } catch (Refusal e) {
      RefusalAnswers.status(response, e);
      return subscriptions
          .byKey(key)
          .map(s -> preferencesPage(model, s, csrf, e.getMessage()))
          .orElseGet(() -> message(model, "Link not found", UNKNOWN_LINK));
    }
  }

  @PostMapping("/subscription/{key}/pause")
  String pause(
      @PathVariable String key,
      @RequestParam(defaultValue = "true") boolean paused,
      CsrfToken csrf,
      Model model) {
    Subscription s = subscriptions.pause(key, paused);
    return preferencesPage(model, s, csrf, paused ? "Paused." : "Resumed.");
  }

  @PostMapping("/subscription/{key}/export")
  String export(@PathVariable String key, HttpServletResponse response, Model model) {
    try {
      subscriptions.export(key);
    } catch (Refusal e) {
      RefusalAnswers.status(response, e);
      return message(model, "Not now", e.getMessage());
    }
    return message(
        model,
        "Your data is on its way",
        inbox.after(
            "Everything Paperboy keeps about your subscription has been mailed to its address."));
  }

  @PostMapping("/subscription/{key}/erase")
  String erase(@PathVariable String key, Model model) {
    subscriptions.erase(key);
    return message(
        model,
        "Erased",
        "Your subscription and what was sent to you are deleted. Paperboy keeps only a salted"
            + " hash of the address, so that nothing is sent to it again unless you subscribe"
            + " anew.");
  }

  /** "View in browser": the subscriber's digest of an edition, as the mail shows it. */
  @GetMapping(value = "/digest/{edition}/{key}", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  ResponseEntity<String> inBrowser(
      @PathVariable long edition, @PathVariable String key, HttpServletResponse response) {
    // The mail's HTML styles itself inline (mail clients ignore style sheets); it has no script.
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'");
    return editions
        .viewInBrowser(edition, key)
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(404).body("This link is not valid.\n"));
  }

  private String preferencesPage(
      Model model, Subscription subscription, CsrfToken csrf, @Nullable String notice) {
    model.addAttribute("subscription", subscription);
    model.addAttribute("csrf", csrf);
    model.addAttribute("notice", notice);
    return "subscription";
  }

  private static Cadence parseCadence(String text) {
    try {
      return Cadence.parse(text);
    } catch (IllegalArgumentException e) {
      throw Refusal.field("cadence", "Choose daily or weekly.");
    }
  }

  private static String form(Model model, FormPage page) {
    model.addAttribute("page", page);
    return "form";
  }

  private static String message(Model model, String heading, String text) {
    model.addAttribute("page", new ErrorPage(200, heading, text));
    return "message";
  }
}
