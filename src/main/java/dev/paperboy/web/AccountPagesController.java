package dev.paperboy.web;

import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.account.CurrentMember;
import dev.paperboy.account.LinkState;
import dev.paperboy.account.PasswordPolicy;
import dev.paperboy.rules.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up, sign-in, email verification, password reset and account settings. Answers that could
 * tell whether an address has an account are the same either way (AUTH-4); links in mail show a
 * form on GET and act only on POST (AUTH-5).
 */
@Controller
class AccountPagesController {
  private static final String CHECK_INBOX =
      "If the address can be used, a mail is on its way to it: follow the link inside to"
          + " confirm your account. It can take a minute; check the spam folder too.";
  private static final String RESET_SENT =
      "If an account uses that address, a mail with a link to choose a new password is on its"
          + " way. The link works for 60 minutes.";

  private final Accounts accounts;
  private final CurrentMember current;
  private final SessionRevoker sessions;
  private final InboxNotice inbox;

  AccountPagesController(
      Accounts accounts, CurrentMember current, SessionRevoker sessions, InboxNotice inbox) {
    this.accounts = accounts;
    this.current = current;
    this.sessions = sessions;
    this.inbox = inbox;
  }

  @GetMapping("/signup")
  String signUpForm(CsrfToken csrf, Model model) {
    model.addAttribute("page", signUp(csrf, null, null));
    return "form";
  }

  @PostMapping("/signup")
  String signUp(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      CsrfToken csrf,
      Model model) {
    try {
      accounts.signUp(email, username, password, request.getRemoteAddr());
    } catch (Refusal e) {
      return refused(
          e, response, model, signUp(csrf, email, username).error(e.field(), e.getMessage()));
    }
    return message(model, "Check your inbox", inbox.after(CHECK_INBOX));
  }

  private static FormPage signUp(
      CsrfToken csrf, @Nullable String email, @Nullable String username) {
    return new FormPage("Sign up", "/signup", "Sign up")
        .intro("Members submit, upvote and discuss papers. Reading needs no account.")
        .csrf(csrf)
        .field("email", "Email", "email", email, "email")
        .field("username", "Username", "text", username, "username")
        .hint("3 to 30 letters, digits, - or _. Shown next to what you submit and write.")
        .field("password", "Password", "password", null, "new-password")
        .hint(
            "At least "
                + PasswordPolicy.MIN_LENGTH
                + " characters; 15 or more is better. A long phrase is easy to remember.")
        .link("Have an account? ", "Sign in", "/login", ".");
  }

  @GetMapping("/login")
  String signInForm(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String next,
      CsrfToken csrf,
      Model model) {
    FormPage page =
        new FormPage("Sign in", "/login", "Sign in")
            .csrf(csrf)
            .hidden("next", next == null ? null : SafeRedirect.path(next))
            .field("email", "Email", "email", null, "email")
            .field("password", "Password", "password", null, "current-password")
            .rememberMe()
            .link("", "Forgot your password?", "/reset", "")
            .link("New here? ", "Sign up", "/signup", ".");
    if (error != null) {
      page.notice("Wrong email or password.");
    }
    model.addAttribute("page", page);
    return "form";
  }

  @GetMapping("/verify")
  String verifyForm(
      @RequestParam(defaultValue = "") String token,
      HttpServletResponse response,
      CsrfToken csrf,
      Model model) {
    LinkState state = accounts.check(token, false);
    if (state != LinkState.VALID) {
      return linkProblem(state, response, model, "/account");
    }
    model.addAttribute(
        "page",
        new FormPage("Confirm your email", "/verify", "Confirm my email")
            .intro("One click to confirm this address for your Paperboy account.")
            .csrf(csrf)
            .hidden("token", token));
    return "form";
  }

  @PostMapping("/verify")
  String verify(
      @RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
    try {
      accounts.verify(token);
    } catch (Refusal e) {
      RefusalAnswers.status(response, e);
      return message(model, "This link does not work", e.getMessage());
    }
    return message(
        model,
        "Email confirmed",
        "Your address is confirmed. Sign in to submit, upvote and discuss papers.");
  }

  @GetMapping("/reset")
  String resetForm(CsrfToken csrf, Model model) {
    model.addAttribute("page", resetRequest(csrf, null));
    return "form";
  }

  @PostMapping("/reset")
  String requestReset(
      @RequestParam(defaultValue = "") String email,
      HttpServletRequest request,
      HttpServletResponse response,
      CsrfToken csrf,
      Model model) {
    try {
      accounts.requestReset(email, request.getRemoteAddr());
    } catch (Refusal e) {
      return refused(e, response, model, resetRequest(csrf, email).notice(e.getMessage()));
    }
    return message(model, "Check your inbox", inbox.after(RESET_SENT));
  }

  private static FormPage resetRequest(CsrfToken csrf, @Nullable String email) {
    return new FormPage("Reset your password", "/reset", "Send me a link")
        .intro("Enter the address of your account; we mail you a link to choose a new password.")
        .csrf(csrf)
        .field("email", "Email", "email", email, "email");
  }

  @GetMapping("/reset/confirm")
  String resetConfirmForm(
      @RequestParam(defaultValue = "") String token,
      HttpServletResponse response,
      CsrfToken csrf,
      Model model) {
    LinkState state = accounts.check(token, true);
    if (state != LinkState.VALID) {
      return linkProblem(state, response, model, "/reset");
    }
    model.addAttribute("page", newPassword(csrf, token));
    return "form";
  }

  @PostMapping("/reset/confirm")
  String resetConfirm(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String password,
      HttpServletResponse response,
      CsrfToken csrf,
      Model model) {
    try {
      Account member = accounts.reset(token, password);
      sessions.endOtherSessions(member.email());
    } catch (Refusal e) {
      if (e.field() != null) {
        return refused(
            e, response, model, newPassword(csrf, token).error(e.field(), e.getMessage()));
      }
      RefusalAnswers.status(response, e);
      return message(model, "This link does not work", e.getMessage());
    }
    return message(
        model,
        "Password changed",
        "Your new password is set and every other session has ended. Sign in with it now.");
  }

  private static FormPage newPassword(CsrfToken csrf, String token) {
    return new FormPage("Choose a new password", "/reset/confirm", "Set password")
        .csrf(csrf)
        .hidden("token", token)
        .field("password", "New password", "password", null, "new-password")
        .hint("At least " + PasswordPolicy.MIN_LENGTH + " characters; 15 or more is better.");
  }

  @GetMapping("/account")
  String account(CsrfToken csrf, Model model) {
    Account member = current.require();
    model.addAttribute("page", settings(member, csrf));
    return "form";
  }

  private static FormPage settings(Account member, CsrfToken csrf) {
    FormPage page =
        new FormPage("Change your password", "/account/password", "Change password")
            .intro(
                "Signed in as "
                    + member.username()
                    + " ("
                    + member.email()
                    + "). Changing the password ends your other sessions.")
            .csrf(csrf)
            .field("current", "Current password", "password", null, "current-password")
            .field("password", "New password", "password", null, "new-password")
            .link("", "Your profile", "/members/" + member.username(), "")
            .link("", "Personal API tokens", "/account/tokens", "")
            .link("", "Delete your account", "/account/delete", "");
    if (!member.verified()) {
      page.link(
          "Your email is not confirmed yet. ", "Send the link again", "/account/verify-again", ".");
    }
    return page;
  }

  @PostMapping("/account/password")
  String changePassword(
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String password,
      HttpServletResponse response,
      CsrfToken csrf,
      Model model) {
    Account member = this.current.require();
    try {
      accounts.changePassword(member.id(), current, password);
      sessions.endOtherSessions(member.email());
    } catch (Refusal e) {
      return refused(e, response, model, settings(member, csrf).error(e.field(), e.getMessage()));
    }
    return message(model, "Password changed", "Your other sessions have ended.");
  }

  @GetMapping("/account/verify-again")
  String verifyAgainForm(CsrfToken csrf, Model model) {
    current.require();
    model.addAttribute(
        "page",
        new FormPage("Confirm your email", "/account/verify-again", "Send the link again")
            .csrf(csrf));
    return "form";
  }

  @PostMapping("/account/verify-again")
  String verifyAgain(Model model) {
    accounts.resendVerification(current.require().id());
    return message(
        model, "Check your inbox", inbox.after("A new confirmation link is on its way."));
  }

  @GetMapping("/account/delete")
  String deleteForm(CsrfToken csrf, Model model) {
    current.require();
    model.addAttribute("page", deletePage(csrf));
    return "form";
  }

  private static FormPage deletePage(CsrfToken csrf) {
    return new FormPage("Delete your account", "/account/delete", "Delete my account")
        .intro(
            "Your votes are removed and your comments lose their text. Papers you submitted stay"
                + " on their lists as submitted by [deleted]. This cannot be undone.")
        .csrf(csrf)
        .field("current", "Your password", "password", null, "current-password");
  }

  @PostMapping("/account/delete")
  String delete(
      @RequestParam(defaultValue = "") String current,
      HttpServletRequest request,
      HttpServletResponse response,
      CsrfToken csrf,
      Model model)
      throws IOException {
    Account member = this.current.require();
    try {
      accounts.close(member.id(), current);
    } catch (Refusal e) {
      return refused(e, response, model, deletePage(csrf).error(e.field(), e.getMessage()));
    }
    request.getSession().invalidate();
    org.springframework.security.core.context.SecurityContextHolder.clearContext();
    return message(model, "Account deleted", "Your account is gone. Thank you for being here.");
  }

  private static String linkProblem(
      LinkState state, HttpServletResponse response, Model model, String again) {
    String text =
        switch (state) {
          case USED -> "This link has already been used.";
          case EXPIRED -> "This link has expired.";
          default -> "This link is not valid.";
        };
    int status = state == LinkState.UNKNOWN ? 400 : 410;
    response.setStatus(status);
    model.addAttribute(
        "page",
        new ErrorPage(
            status, "This link does not work", text + " Request a new link at " + again + "."));
    return "message";
  }

  private static String message(Model model, String heading, String text) {
    model.addAttribute("page", new ErrorPage(200, heading, text));
    return "message";
  }

  private static String refused(
      Refusal e, HttpServletResponse response, Model model, FormPage page) {
    RefusalAnswers.status(response, e);
    model.addAttribute("page", page);
    return "form";
  }
}
