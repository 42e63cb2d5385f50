package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.account.ApiToken.Scope;
import dev.paperboy.account.CurrentMember;
import dev.paperboy.artifact.Artifacts;
import dev.paperboy.collection.Collection;
import dev.paperboy.collection.Collections;
import dev.paperboy.collection.SavedPaper;
import dev.paperboy.feed.BibTex;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Members' collections. Writes take the member's session (with the CSRF token in {@code
 * X-CSRF-TOKEN}) or a personal API token ({@code Authorization: Bearer pb_...}, made on
 * /account/tokens) with the {@code collections:write} scope; reading one's own private collections
 * with a token needs {@code collections:read}. Someone else's private collection is answered 404.
 */
@RestController
@Tag(
    name = "Collections",
    description = "A member's saved papers (session with CSRF token, or a personal API token)")
class CollectionsApi {
  /** The most papers one answer lists; the BibTeX export has them all. */
  private static final int PAPERS = 500;

  record CreateRequest(@Nullable String name, @Nullable Boolean isPublic) {}

  record AddRequest(@Nullable String paper_id) {}

  /** A collection as listed: how many papers, who sees it. */
  record Summary(
      long id,
      String name,
      String owner,
      boolean isPublic,
      boolean readingList,
      int numPapers,
      String createdAt,
      String updatedAt,
      String url) {}

  /** A collection with its papers, most recently saved first. */
  record Detail(Summary collection, List<Item> papers) {}

  record Item(Saved paper, String savedAt) {}

  record Saved(
      String id,
      String title,
      String summary,
      List<ApiAuthor> authors,
      String publishedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String githubRepo) {}

  private final CurrentMember current;
  private final Collections collections;
  private final Papers papers;
  private final Accounts accounts;

  CollectionsApi(CurrentMember current, Collections collections, Papers papers, Accounts accounts) {
    this.current = current;
    this.collections = collections;
    this.papers = papers;
    this.accounts = accounts;
  }

  @Operation(summary = "List your collections, the reading list first")
  @GetMapping("/api/collections")
  List<Summary> mine() {
    Account member = current.require(Scope.COLLECTIONS_READ);
    return collections.of(member).stream().map(c -> summary(c, member.username())).toList();
  }

  @Operation(
      summary = "Make a collection",
      description = "name: 1 to 80 characters, unique among yours; isPublic: false unless given.")
  @PostMapping("/api/collections")
  ResponseEntity<Summary> create(@RequestBody CreateRequest request) {
    Account member = current.require(Scope.COLLECTIONS_WRITE);
    Collection made =
        collections.create(
            member,
            Objects.requireNonNullElse(request.name(), ""),
            Boolean.TRUE.equals(request.isPublic()));
    return ResponseEntity.status(HttpStatus.CREATED).body(summary(made, member.username()));
  }

  @Operation(summary = "A collection and its papers (public ones for anyone, private for you)")
  @GetMapping("/api/collections/{id}")
  Detail show(@Parameter(description = "The collection's id") @PathVariable long id) {
    Collection collection = collections.visible(id, reader());
    List<SavedPaper> saved = collections.papers(collection, 0, PAPERS);
    Map<String, Paper> held = papers.findAll(saved.stream().map(SavedPaper::id).toList());
    List<Item> items =
        saved.stream()
            .filter(s -> held.containsKey(s.id().base()))
            .map(s -> new Item(saved(held.get(s.id().base())), ApiTimes.of(s.addedAt())))
            .toList();
    return new Detail(summary(collection, owner(collection)), items);
  }

  @Operation(
      summary = "Save a paper to one of your collections (idempotent)",
      description = "paper_id is an arXiv id in any form or an arXiv URL.")
  @PostMapping("/api/collections/{id}/papers")
  Summary add(
      @Parameter(description = "The collection's id") @PathVariable long id,
      @RequestBody AddRequest request) {
    Account member = current.require(Scope.COLLECTIONS_WRITE);
    ArxivId paper = ArxivId.parse(Objects.requireNonNullElse(request.paper_id(), ""));
    return summary(collections.add(member, id, paper), member.username());
  }

  @Operation(summary = "Take a paper out of one of your collections (idempotent)")
  @DeleteMapping("/api/collections/{id}/papers/{paperId}")
  Summary remove(
      @Parameter(description = "The collection's id") @PathVariable long id,
      @Parameter(description = "The paper's arXiv id") @PathVariable String paperId) {
    Account member = current.require(Scope.COLLECTIONS_WRITE);
    return summary(collections.remove(member, id, ArxivId.parse(paperId)), member.username());
  }

  @Operation(summary = "Export a collection as BibTeX, one @misc entry per paper")
  @GetMapping(value = "/api/collections/{id}/export.bib")
  ResponseEntity<String> export(
      @Parameter(description = "The collection's id") @PathVariable long id) {
    Collection collection = collections.visible(id, reader());
    List<SavedPaper> saved = collections.papers(collection, 0, Collections.MAX_PAPERS);
    Map<String, Paper> held = papers.findAll(saved.stream().map(SavedPaper::id).toList());
    List<Paper> inOrder =
        saved.stream().map(s -> held.get(s.id().base())).filter(Objects::nonNull).toList();
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "x-bibtex", StandardCharsets.UTF_8))
        .body(BibTex.entries(inOrder));
  }

  /** Who reads: anonymous, a session, or a token that may read collections. */
  private @Nullable Account reader() {
    return current.get().isPresent() ? current.require(Scope.COLLECTIONS_READ) : null;
  }

  private String owner(Collection collection) {
    return accounts.byId(collection.ownerId()).map(Account::username).orElse("");
  }

  private static Summary summary(Collection c, String owner) {
    return new Summary(
        c.id(),
        c.name(),
        owner,
        c.isPublic(),
        c.readingList(),
        c.papers(),
        ApiTimes.of(c.createdAt()),
        ApiTimes.of(c.updatedAt()),
        "/collections/" + c.id());
  }

  private static Saved saved(Paper paper) {
    return new Saved(
        paper.id().base(),
        paper.title(),
        paper.abstractText(),
        paper.authors().stream().map(name -> new ApiAuthor(name, false)).toList(),
        ApiTimes.of(paper.publishedAt()),
        Artifacts.of(paper).githubRepo());
  }
}
