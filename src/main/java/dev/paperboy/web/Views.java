package dev.paperboy.web;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.TexAccents;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write dates, links and the start of an abstract. */
final class Views {
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);
  private static final int ABSTRACT_ON_CARD = 300;

  private Views() {}

  static String href(Paper paper) {
    return "/papers/" + paper.id().base();
  }

  /** An author's page: the name as written, TeX accents decoded ({@code Forr\'e} is Forré). */
  static String authorHref(String name) {
    return "/authors/"
        + URLEncoder.encode(TexAccents.decode(name).strip(), StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  static String dayHref(LocalDate date) {
    return "/papers/date/" + date;
  }

  /**
   * The start of an abstract, cut at a word boundary and never inside {@code $…$}: half a formula
   * would leave a lone dollar sign that the page's maths renderer pairs with the wrong one.
   */
  static String start(String text) {
    String flat = text.replace('\n', ' ');
    if (flat.length() <= ABSTRACT_ON_CARD) {
      return flat;
    }
    int space = flat.lastIndexOf(' ', ABSTRACT_ON_CARD);
    int cut = space > ABSTRACT_ON_CARD / 2 ? space : ABSTRACT_ON_CARD;
    int openMath = openDollar(flat, cut);
    if (openMath >= 0) {
      cut = openMath;
    }
    return flat.substring(0, cut).stripTrailing() + " …";
  }

  /** Where the unclosed, unescaped {@code $} or {@code $$} before {@code end} starts, or -1. */
  private static int openDollar(String text, int end) {
    int open = -1;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '$') {
        int at = i;
        if (i + 1 < end && text.charAt(i + 1) == '$') {
          i++; // $$ opens or closes display maths as one mark
        }
        open = open < 0 ? at : -1;
      }
    }
    return open;
  }
}
