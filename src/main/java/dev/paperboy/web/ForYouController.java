package dev.paperboy.web;

import dev.paperboy.account.Account;
import dev.paperboy.account.CurrentMember;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.demo.DemoProgress;
import dev.paperboy.recommend.Follows;
import dev.paperboy.recommend.ForYou;
import dev.paperboy.rules.Refusal;
import dev.paperboy.search.Recommendation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "For you": a member's recommendations and what they follow. */
@Controller
class ForYouController {
  private static final int SHOWN = 30;

  private final Cards cards;
  private final CurrentMember current;
  private final ForYou forYou;
  private final Follows follows;
  private final DailyLists lists;
  private final DemoProgress demo;

  ForYouController(
      Cards cards,
      CurrentMember current,
      ForYou forYou,
      Follows follows,
      DailyLists lists,
      DemoProgress demo) {
    this.cards = cards;
    this.current = current;
    this.forYou = forYou;
    this.follows = follows;
    this.lists = lists;
    this.demo = demo;
  }

  @GetMapping("/for-you")
  String page(Model model) {
    return show(current.require(), null, model);
  }

  @PostMapping("/for-you/follow")
  String follow(
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String value,
      @RequestParam(required = false) @Nullable String next,
      HttpServletResponse response,
      Model model) {
    Account member = current.require();
    try {
      follows.add(member, kind, value);
    } catch (Refusal e) {
      RefusalAnswers.status(response, e);
      return show(member, e.getMessage(), model);
    }
    return "redirect:" + (next == null ? "/for-you" : SafeRedirect.path(next));
  }

  @PostMapping("/for-you/unfollow")
  String unfollow(
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String value,
      @RequestParam(required = false) @Nullable String next) {
    follows.remove(current.require(), kind, value);
    return "redirect:" + (next == null ? "/for-you" : SafeRedirect.path(next));
  }

  private String show(Account member, @Nullable String problem, Model model) {
    List<Recommendation> recommended = forYou.recommend(member, SHOWN);
    Map<String, DailyEntry> listed =
        lists.entriesFor(recommended.stream().map(r -> r.hit().id()).toList());
    List<ForYouPage.Item> items =
        recommended.stream()
            .map(
                r -> {
                  DailyEntry entry = listed.get(r.hit().id().base());
                  Card card = entry != null ? cards.of(entry) : cards.of(r.hit());
                  return new ForYouPage.Item(card, r.reason());
                })
            .toList();
    model.addAttribute("page", new ForYouPage(follows.of(member.id()), items, problem));
    model.addAttribute("chrome", new Chrome("for-you", demo.status()));
    return "for-you";
  }
}
