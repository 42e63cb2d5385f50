package dev.paperboy.web;

import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.account.CurrentMember;
import dev.paperboy.author.Claim;
import dev.paperboy.author.Claims;
import dev.paperboy.collection.Collections;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.curation.Submissions;
import dev.paperboy.curation.Votes;
import dev.paperboy.discussion.Comment;
import dev.paperboy.discussion.Comments;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.rules.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Submitting, upvoting and commenting from the pages, and members' profiles. */
@Controller
class CommunityController {
  private static final int PROFILE_ITEMS = 30;

  private final Cards cards;
  private final CurrentMember current;
  private final Submissions submissions;
  private final Votes votes;
  private final Comments comments;
  private final Accounts accounts;
  private final DailyLists lists;
  private final Collections collections;
  private final Claims claims;

  CommunityController(
      Cards cards,
      CurrentMember current,
      Submissions submissions,
      Votes votes,
      Comments comments,
      Accounts accounts,
      DailyLists lists,
      Collections collections,
      Claims claims) {
    this.claims = claims;
    this.cards = cards;
    this.collections = collections;
    this.current = current;
    this.submissions = submissions;
    this.votes = votes;
    this.comments = comments;
    this.accounts = accounts;
    this.lists = lists;
  }

  @GetMapping("/papers/submit")
  String submitForm(CsrfToken csrf, Model model) {
    current.require();
    model.addAttribute("page", submitPage(csrf, null));
    return "form";
  }

  @PostMapping("/papers/submit")
  String submit(
      @RequestParam(name = "paper_id", defaultValue = "") String paperId,
      HttpServletResponse response,
      CsrfToken csrf,
      Model model) {
    Account member = current.require();
    try {
      Submissions.Outcome outcome = submissions.submit(member, paperId);
      return "redirect:/papers/" + outcome.entry().paper().id().base();
    } catch (Refusal e) {
      RefusalAnswers.status(response, e);
      model.addAttribute("page", submitPage(csrf, paperId).error("paper_id", e.getMessage()));
      return "form";
    }
  }

  private static FormPage submitPage(CsrfToken csrf, String value) {
    return new FormPage("Submit a paper", "/papers/submit", "Submit")
        .intro(
            "Put a paper on today's list by its arXiv id or any arXiv link (abstract, PDF or HTML"
                + " page). A paper already on a list takes you to its page.")
        .csrf(csrf)
        .field("paper_id", "arXiv id or URL", "text", value, "off")
        .hint("For example 2501.01234, arXiv:2501.01234v2 or https://arxiv.org/abs/2501.01234");
  }

  /**
   * Upvotes (or, with {@code undo=true}, takes the upvote back). Scripts asking for JSON get the
   * new count; a plain form post comes back to the paper page.
   */
  @PostMapping("/upvote")
  Object upvote(
      @RequestParam(defaultValue = "") String paper,
      @RequestParam(defaultValue = "false") boolean undo,
      @RequestHeader(name = "Accept", defaultValue = "") String accept) {
    ArxivId id = parse(paper);
    Account member = current.require();
    Votes.Tally tally = undo ? votes.remove(member, id) : votes.upvote(member, id);
    if (accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("upvotes", tally.upvotes(), "upvoted", tally.upvoted()));
    }
    return "redirect:/papers/" + id.base();
  }

  @PostMapping("/comments")
  String comment(
      @RequestParam(defaultValue = "") String paper,
      @RequestParam(required = false) Long parent,
      @RequestParam(defaultValue = "") String body) {
    ArxivId id = parse(paper);
    Comment comment = comments.add(current.require(), id, parent, body);
    return "redirect:/papers/" + comment.arxivId() + "#comment-" + comment.id();
  }

  @PostMapping("/comments/{id}/edit")
  String editComment(@PathVariable long id, @RequestParam(defaultValue = "") String body) {
    Comment comment = comments.edit(current.require(), id, body);
    return "redirect:/papers/" + comment.arxivId() + "#comment-" + comment.id();
  }

  @PostMapping("/comments/{id}/delete")
  String deleteComment(@PathVariable long id) {
    Comment comment = comments.delete(current.require(), id);
    return "redirect:/papers/" + comment.arxivId() + "#discussion-heading";
  }

  @GetMapping("/members/{username}")
  String profile(@PathVariable String username, Model model) {
    Account member =
        accounts
            .byUsername(username)
            .orElseThrow(() -> new PageNotFound("No member is called " + username + "."));
    List<Card> submitted =
        lists.submittedBy(member.username(), PROFILE_ITEMS).stream().map(cards::of).toList();
    List<ArxivId> upvotedIds =
        votes.upvotedPapers(member.id(), PROFILE_ITEMS).stream().map(ArxivId::parse).toList();

    Map<String, DailyEntry> upvotedEntries = lists.entriesFor(upvotedIds);
    List<Card> upvoted =
        upvotedIds.stream()
            .map(id -> upvotedEntries.get(id.base()))
            .filter(Objects::nonNull)
            .map(cards::of)
            .toList();
    model.addAttribute(
        "page",
        new ProfilePage(
            member.username(),
            Views.DAY.format(member.createdAt().atZone(ZoneOffset.UTC)),
            member.role().name().toLowerCase(Locale.ROOT),
            votes.karma(member.id()),
            member.banned() ? "Banned by " + member.bannedBy() + ": " + member.banReason() : null,
            authored(member.id()),
            submitted,
            upvoted,
            comments.byMember(member.id(), PROFILE_ITEMS),
            collections.publicOf(member.id())));
    return "profile";
  }

  /** The papers the member is an approved author of, as cards. */
  private List<Card> authored(long memberId) {
    List<ArxivId> ids =
        claims.approvedOf(memberId, PROFILE_ITEMS).stream().map(Claim::paper).toList();
    return cards.ofIds(ids);
  }

  private static ArxivId parse(String paper) {
    try {
      return ArxivId.parse(paper);
    } catch (InvalidArxivId e) {
      throw Refusal.field("paper", e.getMessage());
    }
  }
}
