package dev.paperboy.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a reader asked for. {@code text} is raw user input: it may hold {@code author:NAME}, {@code
 * author:"Full Name"} and {@code cat:cs.LG} filters, quoted phrases and {@code prefix*} terms;
 * anything else is taken as words, never as query syntax that could fail.
 *
 * @param from first publication day, or null
 * @param until last publication day, or null
 * @param mode how matches are found when ordered by relevance: by words, by meaning, or both
 */
public record SearchQuery(
    String text,
    @Nullable LocalDate from,
    @Nullable LocalDate until,
    Sort sort,
    int offset,
    int limit,
    Mode mode) {
  public static final int MAX_LENGTH = 256;

  public enum Sort {
    RELEVANCE,
    NEWEST,
    /**
     * Most upvoted first, ties by relevance. The index knows no votes: {@code
     * ranking.UpvotedSearch} orders the best matches by their counts.
     */
    UPVOTES
  }

  public enum Mode {
    /** BM25 over words: ids, titles, names and the words typed. */
    LEXICAL,
    /** Nearest neighbours of the query's meaning among the papers' semantic vectors. */
    SEMANTIC,
    /**
     * Both, fused by reciprocal rank; an exact id, an exact title or the words standing together in
     * a title still come first. Without vectors it is lexical.
     */
    HYBRID;

    /** The mode a request names in lower case ({@code hybrid}), or empty when it names none. */
    public static Optional<Mode> named(String name) {
      return Arrays.stream(values())
          .filter(mode -> mode.name().toLowerCase(Locale.ROOT).equals(name))
          .findFirst();
    }
  }

  /** A search in the default mode, hybrid. */
  public SearchQuery(
      String text,
      @Nullable LocalDate from,
      @Nullable LocalDate until,
      Sort sort,
      int offset,
      int limit) {
    this(text, from, until, sort, offset, limit, Mode.HYBRID);
  }

  public SearchQuery {
    if (text.length() > MAX_LENGTH) {
      throw new InvalidSearch("A search can be at most " + MAX_LENGTH + " characters long");
    }
    if (offset < 0 || limit < 1) {
      throw new InvalidSearch("Pages start at 0 and hold at least one result");
    }
  }

  public static SearchQuery of(String text, int limit) {
    return new SearchQuery(text, null, null, Sort.RELEVANCE, 0, limit);
  }

  public SearchQuery withMode(Mode mode) {
    return new SearchQuery(text, from, until, sort, offset, limit, mode);
  }

  /** The mode that applies: meaning only orders by relevance; other orders are by words. */
  public Mode effectiveMode() {
    return sort == Sort.RELEVANCE ? mode : Mode.LEXICAL;
  }
}
