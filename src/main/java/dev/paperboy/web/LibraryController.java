package dev.paperboy.web;

import dev.paperboy.account.Account;
import dev.paperboy.account.CurrentMember;
import dev.paperboy.demo.DemoProgress;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.recommend.Library;
import dev.paperboy.recommend.LibraryImport;
import dev.paperboy.rules.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A member's library: pasted from a reference manager to seed "For you". */
@Controller
class LibraryController {
  private static final int SHOWN = 50;

  private final CurrentMember current;
  private final LibraryImport imports;
  private final Library library;
  private final Papers papers;
  private final DemoProgress demo;

  LibraryController(
      CurrentMember current,
      LibraryImport imports,
      Library library,
      Papers papers,
      DemoProgress demo) {
    this.current = current;
    this.imports = imports;
    this.library = library;
    this.papers = papers;
    this.demo = demo;
  }

  @GetMapping("/for-you/library")
  String page(Model model) {
    return show(current.require(), null, null, "", model);
  }

  @PostMapping("/for-you/library")
  String add(
      @RequestParam(defaultValue = "") String library, HttpServletResponse response, Model model) {
    Account member = current.require();
    try {
      return show(member, imports.add(member, library), null, "", model);
    } catch (Refusal e) {
      RefusalAnswers.status(response, e);
      return show(member, null, e.getMessage(), library, model);
    }
  }

  @PostMapping("/for-you/library/clear")
  String clear() {
    library.clear(current.require().id());
    return "redirect:/for-you/library";
  }

  private String show(
      Account member,
      LibraryImport.@Nullable Outcome outcome,
      @Nullable String problem,
      String text,
      Model model) {
    List<ArxivId> recent = library.of(member.id(), SHOWN);
    Map<String, Paper> held = papers.findAll(recent);
    List<Paper> shown =
        recent.stream().map(id -> held.get(id.base())).filter(Objects::nonNull).toList();
    // A refused paste is shown back for mending, unless it was refused for its size.
    String kept = text.length() <= 100_000 ? text : "";
    model.addAttribute(
        "page", new LibraryPage(library.count(member.id()), shown, outcome, problem, kept));
    model.addAttribute("chrome", new Chrome("for-you", demo.status()));
    return "library";
  }
}
