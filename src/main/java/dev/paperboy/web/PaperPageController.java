package dev.paperboy.web;

import dev.paperboy.account.Account;
import dev.paperboy.account.CurrentMember;
import dev.paperboy.artifact.Artifacts;
import dev.paperboy.author.Claim;
import dev.paperboy.author.Claims;
import dev.paperboy.collection.Collections;
import dev.paperboy.curation.CurationSettings;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.curation.Votes;
import dev.paperboy.demo.DemoProgress;
import dev.paperboy.discussion.Comments;
import dev.paperboy.feed.BibTex;
import dev.paperboy.ingest.Announcements;
import dev.paperboy.ingest.ArxivSettings;
import dev.paperboy.moderation.MemberLinks;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.AuthorLine;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.search.PaperSearch;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PaperPageController {
  private static final int NEW_PAGE_SIZE = 30;
  private static final int NEW_MAX_PAGES = 100;

  private final Cards cards;
  private final Papers papers;
  private final DailyLists lists;
  private final DemoProgress demo;
  private final Announcements announcements;
  private final ArxivSettings arxiv;
  private final PaperSearch search;
  private final CurrentMember current;
  private final Votes votes;
  private final Comments comments;
  private final CurationSettings curation;
  private final Collections collections;
  private final Claims claims;
  private final MemberLinks memberLinks;

  PaperPageController(
      Cards cards,
      CurationSettings curation,
      CurrentMember current,
      Votes votes,
      Comments comments,
      Papers papers,
      DailyLists lists,
      DemoProgress demo,
      Announcements announcements,
      ArxivSettings arxiv,
      PaperSearch search,
      Collections collections,
      Claims claims,
      MemberLinks memberLinks) {
    this.claims = claims;
    this.memberLinks = memberLinks;
    this.cards = cards;
    this.collections = collections;
    this.search = search;
    this.current = current;
    this.votes = votes;
    this.comments = comments;
    this.curation = curation;
    this.papers = papers;
    this.lists = lists;
    this.demo = demo;
    this.announcements = announcements;
    this.arxiv = arxiv;
  }

  /**
   * What arXiv announced on its latest announcement day in the followed categories (new papers and
   * cross-lists), or, before any listing has been read, the most recently published papers.
   */
  @GetMapping("/papers/new")
  String newest(@RequestParam(name = "p", defaultValue = "0") String p, Model model) {
    int pageNumber = parsePage(p);
    Announcements.Latest latest =
        announcements.latest(pageNumber * NEW_PAGE_SIZE, NEW_PAGE_SIZE + 1);
    List<Paper> found = latest.papers();
    String heading =
        latest
            .day()
            .map(
                day ->
                    "Announced on arXiv on "
                        + Views.DAY.format(day)
                        + " in "
                        + String.join(", ", arxiv.categories())
                        + ": new papers and cross-lists.")
            .orElse("The most recently published papers in this Paperboy, newest first.");
    boolean more = found.size() > NEW_PAGE_SIZE && pageNumber + 1 < NEW_MAX_PAGES;
    List<Paper> shown = found.subList(0, Math.min(NEW_PAGE_SIZE, found.size()));
    List<Card> newest = cards.of(shown);
    model.addAttribute(
        "page",
        new NewPage(
            heading,
            newest,
            more ? "/papers/new?p=" + (pageNumber + 1) : null,
            pageNumber > 0 ? "/papers/new?p=" + (pageNumber - 1) : null));
    model.addAttribute("chrome", new Chrome("new", demo.status()));
    return "new";
  }

  private PaperPage.Authorship authorship(ArxivId paper) {
    List<Claim> members = claims.approved(paper);
    Optional<Account> visitor = current.get();
    Claim mine = visitor.flatMap(v -> claims.mine(v.id(), paper)).orElse(null);
    boolean mayClaim = visitor.map(v -> v.verified() && !v.banned()).orElse(false) && mine == null;
    return new PaperPage.Authorship(members, mine, mayClaim);
  }

  /** The member's collections, each marked if it holds the paper. */
  private List<PaperPage.Shelf> shelves(Account member, ArxivId paper) {
    Set<Long> holding = collections.holding(member, paper);
    return collections.of(member).stream()
        .map(c -> new PaperPage.Shelf(c.id(), c.name(), holding.contains(c.id())))
        .toList();
  }

  private List<PaperPage.Similar> similar(Paper paper) {
    return search.similar(paper.id(), 5).stream()
        .map(
            hit ->
                new PaperPage.Similar(
                    "/papers/" + hit.id().base(), hit.title(), AuthorLine.of(hit.authors())))
        .toList();
  }

  /** The paper's upvotes from its listing to today, or nothing before its first upvote. */
  private @Nullable UpvoteHistory upvoteHistory(DailyEntry entry) {
    if (entry.upvotes() == 0) {
      return null;
    }
    return UpvoteHistory.of(
        entry.listDate(),
        votes.countedVotesPerDay(entry.paper().id(), curation.zone()),
        lists.today());
  }

  private static int parsePage(String p) {
    try {
      int page = Integer.parseInt(p);
      if (page >= 0 && page < NEW_MAX_PAGES) {
        return page;
      }
    } catch (NumberFormatException e) {
      // handled below
    }
    throw new PageNotFound("There is no page '" + p + "' of new papers.");
  }

  @GetMapping("/papers/{id}")
  String paper(@PathVariable String id, Model model) {
    return show(id, model);
  }

  /** Old-style ids contain a slash: {@code /papers/hep-th/9901001}. */
  @GetMapping("/papers/{archive:[a-z]+(?:-[a-z]+)?(?:\\.[A-Z]{2})?}/{number:\\d{7}(?:v\\d+)?}")
  String oldStylePaper(@PathVariable String archive, @PathVariable String number, Model model) {
    return show(archive + "/" + number, model);
  }

  private String show(String text, Model model) {
    ArxivId id;
    try {
      id = ArxivId.parse(text);
    } catch (InvalidArxivId e) {
      throw new PageNotFound(e.getMessage());
    }
    Paper paper =
        papers
            .find(id)
            .orElseThrow(
                () ->
                    new PageNotFound(
                        "Paperboy has no paper "
                            + id.base()
                            + " yet. It may be on arXiv: "
                            + id.withoutVersion().absUrl()));
    PaperPage.Listing listing =
        lists
            .entryFor(id)
            .map(
                entry ->
                    new PaperPage.Listing(
                        Views.dayHref(entry.listDate()),
                        Views.DAY.format(entry.listDate()),
                        entry.submittedBy().displayName(),
                        entry.upvotes(),
                        entry.comments()))
            .orElse(null);
    List<MemberLinks.Link> added = memberLinks.of(paper.id());
    Artifacts artifacts =
        Artifacts.of(paper).with(added.stream().map(MemberLinks.Link::artifact).toList());
    model.addAttribute(
        "page",
        new PaperPage(
            paper.id().base(),
            paper.title(),
            paper.authors(),
            Arrays.asList(paper.abstractText().split("\n")),
            paper.categories(),
            paper.versions().stream()
                .map(
                    v ->
                        new PaperPage.Version(
                            v.label(), Views.DAY.format(v.createdAt().atZone(ZoneOffset.UTC))))
                .toList(),
            paper.comments(),
            paper.journalRef(),
            paper.doi(),
            paper.license(),
            paper.id().absUrl(),
            paper.id().pdfUrl(),
            BibTex.entry(paper),
            listing,
            similar(paper),
            current
                .get()
                .map(member -> !votes.upvotedBy(member.id(), List.of(paper.id())).isEmpty())
                .orElse(false),
            comments.discussion(paper.id()),
            lists.entryFor(id).map(this::upvoteHistory).orElse(null),
            listing != null ? cards.thumbnail(paper) : null,
            artifacts,
            current.get().map(member -> shelves(member, paper.id())).orElse(List.of()),
            authorship(paper.id()),
            added,
            current
                .get()
                .map(member -> memberLinks.hasStanding(member, paper.id()))
                .orElse(false)));
    return "paper";
  }
}
