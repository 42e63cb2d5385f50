package dev.paperboy.recommend;

import dev.paperboy.account.Account;
import dev.paperboy.collection.Collections;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.curation.Votes;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.search.Interests;
import dev.paperboy.search.Recommendation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A member's recommendations: papers like the ones they upvoted, saved, submitted and brought in
 * their library (by words and by meaning, {@link LibraryRecommendations}), then the newest in what
 * they follow (the cold start), never one they already have.
 */
@Service
public class ForYou {
  /** The most recent of each kind of liked paper that the profile is built from. */
  private static final int LIKED = 50;

  /** A library is larger and older than a member's upvotes: more of it counts. */
  private static final int FROM_LIBRARY = 200;

  private final Follows follows;
  private final Votes votes;
  private final DailyLists lists;
  private final Library library;
  private final LibraryRecommendations recommendations;
  private final Collections collections;

  ForYou(
      Follows follows,
      Votes votes,
      DailyLists lists,
      Library library,
      LibraryRecommendations recommendations,
      Collections collections) {
    this.collections = collections;
    this.follows = follows;
    this.votes = votes;
    this.lists = lists;
    this.library = library;
    this.recommendations = recommendations;
  }

  public List<Recommendation> recommend(Account member, int limit) {
    Map<String, String> liked = liked(member);
    List<Follow> followed = follows.of(member.id());
    Interests interests =
        new Interests(
            liked.keySet().stream().map(ArxivId::parse).toList(),
            values(followed, Follow.Kind.CATEGORY),
            values(followed, Follow.Kind.AUTHOR),
            values(followed, Follow.Kind.KEYWORD),
            liked.keySet());
    if (interests.isEmpty()) {
      return List.of();
    }
    return recommendations.recommend(interests, liked, List.of(), limit, null).recommendations();
  }

  /** The papers a member likes, most telling first, each with how they came to it. */
  private Map<String, String> liked(Account member) {
    Map<String, String> liked = new LinkedHashMap<>();
    votes.upvotedPapers(member.id(), LIKED).forEach(id -> liked.put(id, "which you upvoted"));
    collections
        .savedBy(member.id(), LIKED)
        .forEach(id -> liked.putIfAbsent(id.base(), "which you saved"));
    lists.submittedBy(member.username(), LIKED).stream()
        .map(DailyEntry::paper)
        .forEach(paper -> liked.putIfAbsent(paper.id().base(), "which you submitted"));
    library
        .of(member.id(), FROM_LIBRARY)
        .forEach(id -> liked.putIfAbsent(id.base(), "from your library"));
    return liked;
  }

  private static List<String> values(List<Follow> follows, Follow.Kind kind) {
    return follows.stream()
        .filter(f -> f.kind() == kind)
        .map(Follow::value)
        .collect(Collectors.toCollection(ArrayList::new));
  }
}
