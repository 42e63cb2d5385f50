package dev.paperboy.web;

import dev.paperboy.account.Account;
import dev.paperboy.account.ApiToken;
import dev.paperboy.account.ApiTokens;
import dev.paperboy.account.CurrentMember;
import dev.paperboy.rules.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Making, listing and revoking personal API tokens (docs/reliability.md API-4). */
@Controller
class TokenPagesController {
  private final CurrentMember current;
  private final ApiTokens tokens;

  TokenPagesController(CurrentMember current, ApiTokens tokens) {
    this.current = current;
    this.tokens = tokens;
  }

  @GetMapping("/account/tokens")
  String list(Model model) {
    return show(current.require(), null, null, "", model);
  }

  /** Makes a token and shows it once; the page is not cached and the token is not kept. */
  @PostMapping("/account/tokens")
  String create(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") List<String> scopes,
      HttpServletResponse response,
      Model model) {
    Account member = current.require();
    Set<ApiToken.Scope> chosen = EnumSet.noneOf(ApiToken.Scope.class);
    for (ApiToken.Scope scope : ApiToken.Scope.values()) {
      if (scopes.contains(scope.label())) {
        chosen.add(scope);
      }
    }
    try {
      ApiTokens.Created made = tokens.create(member, name, chosen);
      response.setHeader("Cache-Control", "no-store");
      return show(member, made.raw(), null, "", model);
    } catch (Refusal e) {
      RefusalAnswers.status(response, e);
      return show(member, null, e.getMessage(), name, model);
    }
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revoke(@PathVariable long id) {
    tokens.revoke(current.require().id(), id);
    return "redirect:/account/tokens";
  }

  private String show(
      Account member, @Nullable String made, @Nullable String problem, String name, Model model) {
    model.addAttribute(
        "page",
        new TokensPage(
            tokens.list(member.id()).stream().map(TokensPage.Row::of).toList(),
            made,
            problem,
            name));
    return "tokens";
  }
}
