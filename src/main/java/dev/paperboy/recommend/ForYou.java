package dev.paperboy.recommend;

import dev.paperboy.account.Account;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.curation.Votes;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.search.Interests;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.Recommendation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A member's recommendations: papers like the ones they upvoted and submitted, then the newest in
 * what they follow (the cold start), never one they already have.
 */
@Service
public class ForYou {
  private static final int LIKED = 50;

  private final Follows follows;
  private final Votes votes;
  private final DailyLists lists;
  private final PaperSearch search;

  ForYou(Follows follows, Votes votes, DailyLists lists, PaperSearch search) {
    this.follows = follows;
    this.votes = votes;
    this.lists = lists;
    this.search = search;
  }

  public List<Recommendation> recommend(Account member, int limit) {
    return search.recommend(interests(member), limit);
  }

  /** What the recommendations start from. */
  public Interests interests(Account member) {
    Set<String> liked = new LinkedHashSet<>(votes.upvotedPapers(member.id(), LIKED));
    lists.submittedBy(member.username(), LIKED).stream()
        .map(DailyEntry::paper)
        .forEach(paper -> liked.add(paper.id().base()));
    List<Follow> followed = follows.of(member.id());
    return new Interests(
        liked.stream().map(ArxivId::parse).toList(),
        values(followed, Follow.Kind.CATEGORY),
        values(followed, Follow.Kind.AUTHOR),
        values(followed, Follow.Kind.KEYWORD),
        new java.util.HashSet<>(liked));
  }

  private static List<String> values(List<Follow> follows, Follow.Kind kind) {
    return follows.stream()
        .filter(f -> f.kind() == kind)
        .map(Follow::value)
        .collect(Collectors.toCollection(ArrayList::new));
  }
}
