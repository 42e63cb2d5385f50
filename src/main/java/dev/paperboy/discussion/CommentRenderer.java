package dev.paperboy.discussion;

import dev.paperboy.rules.Refusal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Comment Markdown to safe HTML (docs/reliability.md VOTE-5). Two layers: commonmark escapes any
 * raw HTML in the text and drops unsafe link schemes, then jsoup keeps only an allow-list of tags
 * and attributes, links only to http(s), each with {@code rel="nofollow ugc"}. Input is bounded in
 * size and in nesting, so neither the parser nor the renderer can be made to recurse deeply.
 */
public final class CommentRenderer {
  /** Longest comment, in characters. */
  public static final int MAX_LENGTH = 10_000;

  /** Deepest nesting of quotes and lists in one line's prefix. */
  public static final int MAX_NESTING = 20;

  /** The block markers that open a nested container: quotes, bullets, numbered items. */
  private static final Pattern MARKER =
      Pattern.compile("\\G[ \\t]*(?:>|[-+*](?=[ \\t])|\\d{1,9}[.)](?=[ \\t]))");

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
  private static final Safelist ALLOWED =
      Safelist.basic()
          .addTags("hr", "h1", "h2", "h3", "h4", "h5", "h6", "del")
          .removeProtocols("a", "href", "ftp", "mailto")
          .addEnforcedAttribute("a", "rel", "nofollow ugc");

  private CommentRenderer() {}

  /**
   * The HTML of a comment.
   *
   * @throws Refusal INVALID for an empty, oversized or too deeply nested comment
   */
  public static String render(String markdown) {
    check(markdown);
    String html = RENDERER.render(PARSER.parse(markdown));
    Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(html, "", ALLOWED, output);
  }

  static void check(String markdown) {
    if (markdown.isBlank()) {
      throw Refusal.field("body", "Write something first.");
    }
    if (markdown.length() > MAX_LENGTH) {
      throw Refusal.field(
          "body",
          "A comment can be at most "
              + String.format("%,d", MAX_LENGTH)
              + " characters long; this one has "
              + String.format("%,d", markdown.length())
              + ".");
    }
    if (markdown.indexOf('\0') >= 0) {
      throw Refusal.field("body", "A comment cannot contain NUL characters.");
    }
    for (String line : markdown.split("\n", -1)) {
      Matcher marker = MARKER.matcher(line);
      int depth = 0;
      while (marker.find()) {
        if (++depth > MAX_NESTING) {
          throw Refusal.field(
              "body", "Quotes and lists can be nested at most " + MAX_NESTING + " levels deep.");
        }
      }
    }
  }
}
