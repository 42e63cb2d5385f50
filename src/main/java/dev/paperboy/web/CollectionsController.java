package dev.paperboy.web;

import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.account.CurrentMember;
import dev.paperboy.collection.Collection;
import dev.paperboy.collection.Collections;
import dev.paperboy.collection.SavedPaper;
import dev.paperboy.demo.DemoProgress;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.rules.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Collections from the pages: the save button on every card (the reading list), the member's
 * collections, one collection's page. Every form works without JavaScript and comes back to where
 * it was sent from; the save button's script asks for JSON instead.
 */
@Controller
class CollectionsController {
  private static final int PAGE_SIZE = 30;
  private static final int MAX_PAGES = Collections.MAX_PAPERS / PAGE_SIZE + 1;

  private final CurrentMember current;
  private final Collections collections;
  private final Accounts accounts;
  private final Cards cards;
  private final DemoProgress demo;

  CollectionsController(
      CurrentMember current,
      Collections collections,
      Accounts accounts,
      Cards cards,
      DemoProgress demo) {
    this.current = current;
    this.collections = collections;
    this.accounts = accounts;
    this.cards = cards;
    this.demo = demo;
  }

  /** The save button: into the reading list, or out of it with {@code undo=true}. */
  @PostMapping("/saved")
  Object save(
      @RequestParam(defaultValue = "") String paper,
      @RequestParam(defaultValue = "false") boolean undo,
      @RequestHeader(name = "Accept", defaultValue = "") String accept,
      @RequestHeader(name = "Referer", required = false) @Nullable String referer) {
    Account member = current.require();
    ArxivId id = parse(paper);
    Collection list = collections.readingList(member);
    list =
        undo ? collections.remove(member, list.id(), id) : collections.add(member, list.id(), id);
    if (accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("saved", !undo, "collection", list.id(), "papers", list.papers()));
    }
    return "redirect:" + back(referer, "/papers/" + id.base());
  }

  @GetMapping("/collections")
  String mine(Model model) {
    return showMine(current.require(), "", null, model);
  }

  /** Makes a collection; with {@code paper}, saves that paper to it too (from the paper page). */
  @PostMapping("/collections")
  String create(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "false") boolean isPublic,
      @RequestParam(required = false) @Nullable String paper,
      HttpServletResponse response,
      Model model) {
    Account member = current.require();
    ArxivId id = paper == null ? null : parse(paper);
    try {
      Collection made = collections.create(member, name, isPublic);
      if (id != null) {
        collections.add(member, made.id(), id);
        return "redirect:/papers/" + id.base();
      }
      return "redirect:/collections/" + made.id();
    } catch (Refusal e) {
      RefusalAnswers.status(response, e);
      return showMine(member, name, e.getMessage(), model);
    }
  }

  @GetMapping("/collections/{id}")
  String show(
      @PathVariable long id, @RequestParam(name = "p", defaultValue = "0") int p, Model model) {
    Account reader = current.get().orElse(null);
    return showOne(collections.visible(id, reader), reader, p, null, model);
  }

  /** Renames it and sets who sees it. */
  @PostMapping("/collections/{id}")
  String update(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "false") boolean isPublic,
      HttpServletResponse response,
      Model model) {
    Account member = current.require();
    try {
      collections.update(member, id, name, isPublic);
      return "redirect:/collections/" + id;
    } catch (Refusal e) {
      if (e.kind() != Refusal.Kind.INVALID) {
        throw e;
      }
      RefusalAnswers.status(response, e);
      return showOne(collections.visible(id, member), member, 0, e.getMessage(), model);
    }
  }

  @PostMapping("/collections/{id}/delete")
  String delete(@PathVariable long id) {
    collections.delete(current.require(), id);
    return "redirect:/collections";
  }

  @PostMapping("/collections/{id}/papers")
  String add(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String paper,
      @RequestParam(required = false) @Nullable String next) {
    collections.add(current.require(), id, parse(paper));
    return "redirect:" + SafeRedirect.path(next == null ? "/collections/" + id : next);
  }

  @PostMapping("/collections/{id}/papers/remove")
  String remove(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String paper,
      @RequestParam(required = false) @Nullable String next) {
    collections.remove(current.require(), id, parse(paper));
    return "redirect:" + SafeRedirect.path(next == null ? "/collections/" + id : next);
  }

  private String showMine(Account member, String name, @Nullable String problem, Model model) {
    model.addAttribute("page", new CollectionsPage(collections.of(member), name, problem));
    return "collections";
  }

  private String showOne(
      Collection collection,
      @Nullable Account reader,
      int p,
      @Nullable String problem,
      Model model) {
    int pageNumber = Math.max(0, Math.min(p, MAX_PAGES));
    List<SavedPaper> saved = collections.papers(collection, pageNumber * PAGE_SIZE, PAGE_SIZE + 1);
    List<ArxivId> ids = saved.stream().limit(PAGE_SIZE).map(SavedPaper::id).toList();
    List<Card> shown = cards.ofIds(ids);
    String base = "/collections/" + collection.id();
    model.addAttribute(
        "page",
        new CollectionPage(
            collection,
            accounts.byId(collection.ownerId()).map(Account::username).orElse("a former member"),
            reader != null && reader.id() == collection.ownerId(),
            shown,
            saved.size() > PAGE_SIZE ? base + "?p=" + (pageNumber + 1) : null,
            pageNumber > 0 ? base + "?p=" + (pageNumber - 1) : null,
            problem));
    model.addAttribute("chrome", new Chrome(null, demo.status()));
    return "collection";
  }

  /** Back to the page the form was on, when the browser says so and it is this site's. */
  private static String back(@Nullable String referer, String otherwise) {
    if (referer == null) {
      return otherwise;
    }
    try {
      URI uri = URI.create(referer);
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      String safe = SafeRedirect.path(path);
      return "/".equals(safe) && !"/".equals(path) ? otherwise : safe;
    } catch (IllegalArgumentException e) {
      return otherwise;
    }
  }

  private static ArxivId parse(String paper) {
    try {
      return ArxivId.parse(paper);
    } catch (InvalidArxivId e) {
      throw Refusal.field("paper", e.getMessage());
    }
  }
}
