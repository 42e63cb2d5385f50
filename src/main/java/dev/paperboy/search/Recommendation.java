package dev.paperboy.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A paper recommended to a member, and why.
 *
 * @param because the liked paper it is most like (its base id), or null when it came from a follow
 * @param reason the reason in words: "close to “…”, which you upvoted", "in cs.LG, which you
 *     follow"
 * @param sharedTerms words the paper shares with the liked one, most telling first
 */
public record Recommendation(
    SearchHit hit, @Nullable String because, String reason, List<String> sharedTerms) {}
