package dev.paperboy.paper;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier, normalised: the base id ({@code 2310.11366}, {@code hep-th/9901001}) plus an
 * optional version. Parses every form a person pastes (bare ids, versions, {@code arXiv:} prefixes,
 * abs/pdf/html URLs on arxiv.org) and rejects everything else with {@link InvalidArxivId}. The
 * grammar is strict on purpose: the result is used to build URLs for arXiv's servers, so nothing of
 * the input but the digits and the archive name ever reaches one (docs/reliability.md ING-1).
 *
 * <p>Old-style ids may carry a subject class ({@code math.GT/0309136}); it is not part of the
 * identifier (arXiv serves the paper as {@code math/0309136}) and is dropped, so that every form of
 * one paper maps to one key (VOTE-7).
 *
 * @param base the id without version, the paper key
 * @param version the version, or 0 when none was given
 */
public record ArxivId(String base, int version) implements Comparable<ArxivId> {
  /** Longer input is refused before any pattern runs. */
  public static final int MAX_INPUT_LENGTH = 256;

  private static final String NEW_STYLE = "(?<yymm>\\d{4})\\.(?<num>\\d{4,5})";
  private static final String OLD_STYLE =
      "(?<archive>[a-z]+(?:-[a-z]+)?)(?:\\.[A-Z]{2})?/(?<oldyymm>\\d{4})(?<oldnum>\\d{3})";
  private static final String ID =
      "(?:" + NEW_STYLE + "|" + OLD_STYLE + ")(?:v(?<version>\\d{1,3}))?";
  private static final Pattern CANONICAL_BASE =
      Pattern.compile("\\d{4}\\.\\d{4,5}|[a-z]+(?:-[a-z]+)?/\\d{7}");
  private static final Pattern BARE = Pattern.compile("(?i:arxiv:)?\\s*" + ID);
  private static final Pattern URL =
      Pattern.compile(
          "(?i:https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/)"
              + ID
              + "(?i:\\.pdf)?/?");

  public ArxivId {
    if (!CANONICAL_BASE.matcher(base).matches()) {
      throw new InvalidArxivId(describe(base));
    }
    if (version < 0 || version > 999) {
      throw new InvalidArxivId("arXiv version out of range: " + version);
    }
  }

  /**
   * The id, or empty for text that names none: for callers to whom "no such id" and "no such paper"
   * are the same answer.
   */
  public static Optional<ArxivId> tryParse(String input) {
    try {
      return Optional.of(parse(input));
    } catch (InvalidArxivId e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the text is laid out like a bare arXiv id ({@code 0000.00000}, {@code hep-th/9901001},
   * with or without a version), whether or not arXiv could have issued it.
   */
  public static boolean hasIdShape(String text) {
    return text.length() <= MAX_INPUT_LENGTH && BARE.matcher(text.strip()).matches();
  }

  /**
   * Parses any accepted form.
   *
   * @throws InvalidArxivId with a message that says what was expected
   */
  public static ArxivId parse(String input) {
    if (input.length() > MAX_INPUT_LENGTH) {
      throw new InvalidArxivId(
          "Not an arXiv id: the input is " + input.length() + " characters long");
    }
    String text = input.strip();
    Matcher matcher = BARE.matcher(text);
    if (!matcher.matches()) {
      matcher = URL.matcher(text);
      if (!matcher.matches()) {
        throw new InvalidArxivId(describe(text));
      }
    }
    return fromMatch(matcher, text);
  }

  private static ArxivId fromMatch(Matcher m, String text) {
    String version = m.group("version");
    int v = version == null ? 0 : Integer.parseInt(version);
    if (version != null && v == 0) {
      throw new InvalidArxivId(describe(text) + " (versions start at v1)");
    }
    if (m.group("yymm") != null) {
      String yymm = m.group("yymm");
      String num = m.group("num");
      checkNewStyle(text, Integer.parseInt(yymm.substring(0, 2)), month(text, yymm), num);
      return new ArxivId(yymm + "." + num, v);
    }
    String yymm = m.group("oldyymm");
    int yy = Integer.parseInt(yymm.substring(0, 2));
    month(text, yymm);
    // The old scheme ran from August 1991 to March 2007.
    boolean inRange = yy >= 91 || yy < 7 || yy == 7 && Integer.parseInt(yymm.substring(2)) <= 3;
    if (!inRange || m.group("oldnum").equals("000")) {
      throw new InvalidArxivId(describe(text) + " (old-style ids run from 1991 to March 2007)");
    }
    return new ArxivId(m.group("archive") + "/" + yymm + m.group("oldnum"), v);
  }

  private static int month(String text, String yymm) {
    int month = Integer.parseInt(yymm.substring(2));
    if (month < 1 || month > 12) {
      throw new InvalidArxivId(
          describe(text) + " (month " + yymm.substring(2) + " does not exist)");
    }
    return month;
  }

  /** New-style ids began in April 2007 with four digits and have had five since January 2015. */
  private static void checkNewStyle(String text, int yy, int month, String num) {
    int yymm = yy * 100 + month;
    if (yymm < 704) {
      throw new InvalidArxivId(describe(text) + " (new-style ids begin with 0704)");
    }
    int expected = yymm < 1501 ? 4 : 5;
    if (num.length() != expected) {
      throw new InvalidArxivId(
          describe(text) + " (ids from this month have " + expected + " digits after the dot)");
    }
  }

  private static String describe(String input) {
    String shown = input.length() > 60 ? input.substring(0, 60) + "…" : input;
    shown = shown.replaceAll("\\p{Cntrl}", "?");
    return "Not an arXiv id: '"
        + shown
        + "'. Expected an id such as 2310.11366, 2310.11366v2 or hep-th/9901001,"
        + " or an arxiv.org/abs or /pdf link";
  }

  /** The same paper without a version. */
  public ArxivId withoutVersion() {
    return version == 0 ? this : new ArxivId(base, 0);
  }

  public boolean hasVersion() {
    return version > 0;
  }

  /** Old-style ids contain a slash; web routes need to know. */
  public boolean isOldStyle() {
    return base.indexOf('/') >= 0;
  }

  public String absUrl() {
    return "https://arxiv.org/abs/" + this;
  }

  public String pdfUrl() {
    return "https://arxiv.org/pdf/" + this;
  }

  /** The canonical text: base id, then {@code vN} when there is a version. */
  @Override
  public String toString() {
    return version == 0 ? base : base + "v" + version;
  }

  @Override
  public int compareTo(ArxivId other) {
    int byBase = base.compareTo(other.base);
    return byBase != 0 ? byBase : Integer.compare(version, other.version);
  }
}
