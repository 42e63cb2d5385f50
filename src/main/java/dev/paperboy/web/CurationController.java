package dev.paperboy.web;

import dev.paperboy.account.CurrentMember;
import dev.paperboy.author.Claims;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.ingest.Announcements;
import dev.paperboy.moderation.Flags;
import dev.paperboy.moderation.Moderation;
import dev.paperboy.paper.Paper;
import dev.paperboy.rules.Refusal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The curator queue, curator and moderator actions, and the public moderation log. */
@Controller
class CurationController {
  private static final int QUEUE_SIZE = 100;
  private static final int LOG_PAGE = 100;

  private final Cards cards;
  private final CurrentMember current;
  private final Moderation moderation;
  private final DailyLists lists;
  private final Announcements announcements;
  private final Flags flags;
  private final Claims claims;

  CurationController(
      Cards cards,
      Flags flags,
      CurrentMember current,
      Moderation moderation,
      DailyLists lists,
      Announcements announcements,
      Claims claims) {
    this.claims = claims;
    this.cards = cards;
    this.current = current;
    this.moderation = moderation;
    this.lists = lists;
    this.announcements = announcements;
    this.flags = flags;
  }

  /**
   * Today's list with pin and remove buttons, and arXiv's latest announcements in the followed
   * categories, each one click from the list.
   */
  @GetMapping("/curate")
  String queue(Model model) {
    current.require().requireCurator();
    List<Card> today = lists.day(lists.today(), 0, 200).stream().map(cards::of).toList();
    Announcements.Latest latest = announcements.latest(0, QUEUE_SIZE);
    List<Paper> candidates = latest.papers();
    Map<String, ?> listed = lists.entriesFor(candidates.stream().map(Paper::id).toList());
    List<Card> queue =
        candidates.stream()
            .filter(paper -> !listed.containsKey(paper.id().base()))
            .map(paper -> cards.of(paper, 0, 0, null))
            .toList();
    model.addAttribute(
        "page",
        new CuratePage(
            Views.DAY.format(lists.today()),
            today,
            queue,
            latest.day().map(Views.DAY::format).orElse(null),
            flags.mostFlagged(50),
            claims.pending(50)));
    return "curate";
  }

  @PostMapping("/curate/feature")
  String feature(@RequestParam(defaultValue = "") String paper) {
    moderation.feature(current.require(), paper);
    return "redirect:/curate";
  }

  @PostMapping("/curate/pin")
  String pin(
      @RequestParam(defaultValue = "") String paper,
      @RequestParam(defaultValue = "true") boolean pinned) {
    moderation.pin(current.require(), paper, pinned);
    return "redirect:/curate";
  }

  @PostMapping("/curate/remove")
  String remove(
      @RequestParam(defaultValue = "") String paper,
      @RequestParam(defaultValue = "") String reason) {
    moderation.remove(current.require(), paper, reason);
    return "redirect:/curate";
  }

  @PostMapping("/curate/hide-paper")
  String hidePaper(
      @RequestParam(defaultValue = "") String paper,
      @RequestParam(defaultValue = "") String reason) {
    moderation.hidePaper(current.require(), paper, reason);
    return "redirect:/moderation";
  }

  @PostMapping("/curate/hide-comment")
  String hideComment(@RequestParam long comment, @RequestParam(defaultValue = "") String reason) {
    moderation.hideComment(current.require(), comment, reason);
    return "redirect:/moderation";
  }

  /** Approves or refuses an authorship claim ({@code decision=approve|refuse}). */
  @PostMapping("/curate/claims/{id}")
  String decideClaim(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String decision,
      @RequestParam(defaultValue = "") String reason) {
    if (!decision.equals("approve") && !decision.equals("refuse")) {
      throw Refusal.field("decision", "Approve or refuse.");
    }
    moderation.decideClaim(current.require(), id, decision.equals("approve"), reason);
    return "redirect:/curate";
  }

  @PostMapping("/curate/ban")
  String ban(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String reason) {
    moderation.ban(current.require(), username, reason);
    return "redirect:/moderation";
  }

  @PostMapping("/curate/unban")
  String unban(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String reason) {
    moderation.unban(current.require(), username, reason);
    return "redirect:/moderation";
  }

  /** Marks a listed paper or a comment for the moderators; back to the paper. */
  @PostMapping("/flag")
  String flag(
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String target,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "") String paper) {
    flags.flag(current.require(), type, target, reason);
    return "redirect:/papers/" + ("paper".equals(type) ? target : paper);
  }

  /** Every moderator action, newest first, for everyone to see (VOTE-6). */
  @GetMapping("/moderation")
  String log(Model model) {
    model.addAttribute("entries", moderation.log(0, LOG_PAGE));
    return "moderation";
  }
}
