package dev.paperboy.web;

import dev.paperboy.account.CurrentMember;
import dev.paperboy.moderation.MemberLinks;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.rules.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Links to code and artifacts that members with standing add to a paper, and their removal. */
@Controller
class MemberLinksController {
  private final CurrentMember current;
  private final MemberLinks links;

  MemberLinksController(CurrentMember current, MemberLinks links) {
    this.current = current;
    this.links = links;
  }

  @PostMapping("/papers/{id}/links")
  String add(@PathVariable String id, @RequestParam(defaultValue = "") String url) {
    ArxivId paper;
    try {
      paper = ArxivId.parse(id);
    } catch (InvalidArxivId e) {
      throw Refusal.field("paper", e.getMessage());
    }
    links.add(current.require(), paper, url);
    return "redirect:/papers/" + paper.base() + "#artifacts-heading";
  }

  @PostMapping("/links/{id}/remove")
  String remove(@PathVariable long id, @RequestParam(defaultValue = "") String reason) {
    String paper = links.remove(current.require(), id, reason);
    return "redirect:/papers/" + paper + "#artifacts-heading";
  }
}
