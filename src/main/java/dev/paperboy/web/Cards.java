package dev.paperboy.web;

import dev.paperboy.artifact.Artifacts;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.AuthorLine;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.search.SearchHit;
import dev.paperboy.stars.RepoStars;
import dev.paperboy.thumbnail.Thumbnails;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes the paper cards the lists show. A listed paper's card carries its thumbnail once one has
 * been made; until then the card has none rather than a placeholder, so a site that cannot reach
 * arXiv (the demo, offline) shows clean cards.
 */
@Component
class Cards {
  private final Thumbnails thumbnails;
  private final RepoStars stars;
  private final DailyLists lists;
  private final Papers papers;

  Cards(Thumbnails thumbnails, RepoStars stars, DailyLists lists, Papers papers) {
    this.thumbnails = thumbnails;
    this.stars = stars;
    this.lists = lists;
    this.papers = papers;
  }

  Card of(DailyEntry entry) {
    return of(
        entry.paper(),
        entry.upvotes(),
        entry.comments(),
        entry.submittedBy().displayName(),
        Views.DAY.format(entry.listDate()));
  }

  Card of(Paper paper, int upvotes, int comments, @Nullable String submittedBy) {
    return of(paper, upvotes, comments, submittedBy, null);
  }

  private Card of(
      Paper paper,
      int upvotes,
      int comments,
      @Nullable String submittedBy,
      @Nullable String listedOn) {
    Artifacts artifacts = Artifacts.of(paper);
    return new Card(
        paper.id().base(),
        Views.href(paper),
        paper.title(),
        AuthorLine.of(paper.authors()),
        AuthorLine.shown(paper.authors()),
        AuthorLine.more(paper.authors()),
        Views.start(paper.abstractText()),
        paper.categories(),
        Views.DAY.format(paper.publishedAt().atZone(ZoneOffset.UTC)),
        upvotes,
        comments,
        submittedBy,
        listedOn,
        submittedBy != null ? thumbnail(paper) : null,
        artifacts.firstOfEachKind(),
        stars.of(artifacts.githubRepo()).orElse(null));
  }

  /** Papers as cards, with their list counts and submitter where they are on a list. */
  List<Card> of(List<Paper> shown) {
    Map<String, DailyEntry> listed = lists.entriesFor(shown.stream().map(Paper::id).toList());
    return shown.stream()
        .map(
            paper -> {
              DailyEntry entry = listed.get(paper.id().base());
              return entry == null ? of(paper, 0, 0, null) : of(entry);
            })
        .toList();
  }

  /**
   * The papers of these ids as cards ({@link #of(List)}), in order; ids of no paper are left out.
   */
  List<Card> ofIds(List<ArxivId> ids) {
    Map<String, Paper> held = papers.findAll(ids);
    return of(ids.stream().map(id -> held.get(id.base())).filter(Objects::nonNull).toList());
  }

  /** A search or recommendation hit as a card: its stored fields, no list counts. */
  Card of(SearchHit hit) {
    return new Card(
        hit.id().base(),
        "/papers/" + hit.id().base(),
        hit.title(),
        AuthorLine.of(hit.authors()),
        AuthorLine.shown(hit.authors()),
        AuthorLine.more(hit.authors()),
        Views.start(hit.abstractText()),
        List.of(),
        Views.DAY.format(hit.publishedAt().atZone(ZoneOffset.UTC)),
        0,
        0,
        null,
        null,
        null,
        hit.artifacts().firstOfEachKind(),
        stars.of(hit.artifacts().githubRepo()).orElse(null));
  }

  /**
   * A list's filter and order from the request; "by stars" is offered only once some stars are
   * known (the job is off unless configured).
   */
  ListFilter filter(boolean code, String sort) {
    boolean offer = stars.any();
    return new ListFilter(code, offer && "stars".equals(sort), offer);
  }

  /** Where the paper's thumbnail is served, when it has one. */
  @Nullable String thumbnail(Paper paper) {
    return thumbnails.image(paper.id()).isPresent()
        ? "/thumbnails/" + paper.id().base() + ".png"
        : null;
  }
}
