package dev.paperboy.recommend;

import dev.paperboy.paper.Paper;
import dev.paperboy.search.Recommendation;
import dev.paperboy.search.SearchHit;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Why a paper is recommended, in words a reader checks at a glance: the liked paper it is closest
 * to and how the reader came to that paper ("which you upvoted", "from your library"), then an
 * author they share, which says more to a reader than any similarity score.
 */
final class Reasons {
  private static final String LIKED = "which you liked";

  private final Map<String, Paper> liked;
  private final Map<String, String> how;

  /** Liked papers by folded author name, the most recently liked first. */
  private final Map<String, Paper> byAuthor = new HashMap<>();

  Reasons(Map<String, Paper> liked, Map<String, String> how) {
    this.liked = liked;
    this.how = how;
    liked.values().forEach(p -> p.authors().forEach(a -> byAuthor.putIfAbsent(fold(a), p)));
  }

  /** A paper found by meaning, explained by the liked paper nearest it. */
  Recommendation closeTo(SearchHit hit, String likedId) {
    Paper because = liked.get(likedId);
    return new Recommendation(
        hit, likedId, "close to " + quoted(because) + ", " + how(likedId), List.of());
  }

  /** The words profile's reason, told with how the reader came to the liked paper. */
  Recommendation inWords(Recommendation r) {
    Paper because = r.because() == null ? null : liked.get(r.because());
    if (because == null) {
      return r; // a follow's reason ("in cs.LG, which you follow") is already said right
    }
    String words = r.sharedTerms().isEmpty() ? "" : " (" + String.join(", ", r.sharedTerms()) + ")";
    return new Recommendation(
        r.hit(),
        r.because(),
        "shares telling words" + words + " with " + quoted(because) + ", " + how(r.because()),
        r.sharedTerms());
  }

  /**
   * A shared author is said after the reason: the same author as the paper the reason names, or the
   * author of another liked paper.
   */
  Recommendation byAuthor(Recommendation r) {
    for (String author : r.hit().authors()) {
      Paper wrote = byAuthor.get(fold(author));
      if (wrote != null) {
        String also =
            wrote.id().base().equals(r.because())
                ? " \u00b7 also by " + author
                : " \u00b7 by " + author + ", who wrote " + quoted(wrote);
        return new Recommendation(r.hit(), r.because(), r.reason() + also, r.sharedTerms());
      }
    }
    return r;
  }

  private String how(@Nullable String likedId) {
    return likedId == null ? LIKED : how.getOrDefault(likedId, LIKED);
  }

  private static String quoted(Paper paper) {
    return "\u201c" + paper.title() + "\u201d";
  }

  /** "Piotr Dollár" and "Piotr Dollar" are one author here; initials are not guessed at. */
  static String fold(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }
}
