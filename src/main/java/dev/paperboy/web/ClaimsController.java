package dev.paperboy.web;

import dev.paperboy.account.CurrentMember;
import dev.paperboy.author.Claim;
import dev.paperboy.author.Claims;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.rules.Refusal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A member claims to be one of a paper's authors, or takes the claim back. */
@Controller
class ClaimsController {
  private final CurrentMember current;
  private final Claims claims;

  ClaimsController(CurrentMember current, Claims claims) {
    this.current = current;
    this.claims = claims;
  }

  @PostMapping("/papers/{id}/claim")
  String claim(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String author,
      @RequestParam(required = false) @Nullable String orcid) {
    ArxivId paper;
    try {
      paper = ArxivId.parse(id);
    } catch (InvalidArxivId e) {
      throw Refusal.field("paper", e.getMessage());
    }
    claims.claim(current.require(), paper, author, orcid);
    return "redirect:/papers/" + paper.base();
  }

  @PostMapping("/claims/{id}/retract")
  String retract(@PathVariable long id) {
    Claim claim = claims.retract(current.require(), id);
    return "redirect:/papers/" + claim.paper().base();
  }
}
