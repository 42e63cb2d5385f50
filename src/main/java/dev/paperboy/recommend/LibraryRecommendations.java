package dev.paperboy.recommend;

import dev.paperboy.embedding.Vectors;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.search.Interests;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.Recommendation;
import dev.paperboy.search.SearchHit;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Recommendations from a list of papers, for anyone (a library exported from Zotero, a member's
 * upvotes): the papers nearest the liked papers' semantic vectors, from up to three centroids
 * ({@link VectorProfile}), each explained by the liked paper it is nearest to. A candidate nearer a
 * disliked paper than any liked one is dropped; liked and disliked papers are never answered. While
 * no liked paper has a vector yet, the words of the liked papers decide (the TF-IDF profile).
 */
@Service
public class LibraryRecommendations {
  /** Candidates taken from each ranking for each recommendation asked. */
  private static final int WIDEN = 3;

  private static final int RRF_K = 60;

  private final Vectors vectors;
  private final Papers papers;
  private final PaperSearch search;

  LibraryRecommendations(Vectors vectors, Papers papers, PaperSearch search) {
    this.vectors = vectors;
    this.papers = papers;
    this.search = search;
  }

  /** What was asked for, and of the liked papers those this site does not hold. */
  public record Answer(List<Recommendation> recommendations, List<String> notFound) {}

  /** Recommendations for a reader who gives only a list of liked papers (the API). */
  public Answer recommend(
      List<ArxivId> liked, List<ArxivId> disliked, int limit, @Nullable LocalDate since) {
    return recommend(
        new Interests(liked, List.of(), List.of(), List.of(), Set.of()),
        Map.of(),
        disliked,
        limit,
        since);
  }

  /**
   * Recommendations from liked papers and follows.
   *
   * @param how how the reader came to each liked paper (base id to "which you upvoted", "from your
   *     library"), said in its reasons; "which you liked" when absent
   */
  public Answer recommend(
      Interests interests,
      Map<String, String> how,
      List<ArxivId> disliked,
      int limit,
      @Nullable LocalDate since) {
    List<ArxivId> liked = interests.liked();
    Map<String, Paper> known = papers.findAll(liked);
    List<String> notFound =
        liked.stream().map(ArxivId::base).filter(id -> !known.containsKey(id)).distinct().toList();
    Set<String> exclude = new HashSet<>(interests.exclude());
    exclude.addAll(known.keySet());
    disliked.forEach(id -> exclude.add(id.base()));
    List<ArxivId> found =
        liked.stream().filter(id -> known.containsKey(id.base())).distinct().toList();
    Reasons reasons = new Reasons(known, how);
    List<Recommendation> byWords =
        search
            .recommend(
                new Interests(
                    found,
                    interests.categories(),
                    interests.authors(),
                    interests.keywords(),
                    exclude),
                limit * WIDEN)
            .stream()
            .filter(r -> since == null || !published(r.hit()).isBefore(since))
            .map(reasons::inWords)
            .toList();
    List<Recommendation> byMeaning =
        byMeaning(known, reasons, disliked, exclude, limit * WIDEN, since);
    return new Answer(
        fuse(byWords, byMeaning, limit).stream().map(reasons::byAuthor).toList(), notFound);
  }

  /**
   * Both rankings fused by reciprocal rank (1 / (60 + rank), summed); each paper keeps the reason
   * of the list that ranked it higher.
   */
  static List<Recommendation> fuse(
      List<Recommendation> byWords, List<Recommendation> byMeaning, int limit) {
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, Recommendation> reasons = new LinkedHashMap<>();
    Map<String, Integer> bestRank = new LinkedHashMap<>();
    for (List<Recommendation> list : List.of(byWords, byMeaning)) {
      for (int rank = 0; rank < list.size(); rank++) {
        Recommendation r = list.get(rank);
        String id = r.hit().id().base();
        scores.merge(id, 1.0 / (RRF_K + rank + 1), Double::sum);
        if (rank < bestRank.getOrDefault(id, Integer.MAX_VALUE)) {
          bestRank.put(id, rank);
          reasons.put(id, r);
        }
      }
    }
    return scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(limit)
        .map(e -> reasons.get(e.getKey()))
        .toList();
  }

  /** The papers nearest the liked papers' vectors; empty while none of them has a vector. */
  private List<Recommendation> byMeaning(
      Map<String, Paper> known,
      Reasons reasons,
      List<ArxivId> disliked,
      Set<String> exclude,
      int limit,
      @Nullable LocalDate since) {
    Map<String, float[]> likedVectors = units(vectors.of(known.keySet()));
    if (likedVectors.isEmpty()) {
      return List.of();
    }
    Map<String, float[]> dislikedVectors =
        units(vectors.of(disliked.stream().map(ArxivId::base).toList()));
    Map<String, SearchHit> candidates = new LinkedHashMap<>();
    for (float[] centroid : VectorProfile.centroids(List.copyOf(likedVectors.values()))) {
      for (SearchHit hit : search.nearest(centroid, limit, exclude, since)) {
        candidates.merge(hit.id().base(), hit, (a, b) -> a.score() >= b.score() ? a : b);
      }
    }
    Map<String, float[]> candidateVectors = units(vectors.of(candidates.keySet()));
    List<Recommendation> ranked = new ArrayList<>();
    for (SearchHit hit : candidates.values()) {
      float[] vector = candidateVectors.get(hit.id().base());
      if (vector == null) {
        continue;
      }
      Map.Entry<String, Double> closest = closest(likedVectors, vector);
      Map.Entry<String, Double> disliking = closest(dislikedVectors, vector);
      if (closest == null || disliking != null && disliking.getValue() > closest.getValue()) {
        continue;
      }
      ranked.add(reasons.closeTo(withScore(hit, closest.getValue()), closest.getKey()));
    }
    ranked.sort(Comparator.comparingDouble((Recommendation r) -> -r.hit().score()));
    return ranked;
  }

  /** The vectors at unit length, so that every comparison of them is one dot product. */
  private static Map<String, float[]> units(Map<String, float[]> vectors) {
    Map<String, float[]> units = new LinkedHashMap<>();
    vectors.forEach((id, v) -> units.put(id, VectorProfile.unit(v)));
    return units;
  }

  /** Of {@code among} (unit vectors), the one most like {@code vector} and how alike. */
  private static Map.@Nullable Entry<String, Double> closest(
      Map<String, float[]> among, float[] vector) {
    Map.Entry<String, Double> best = null;
    for (Map.Entry<String, float[]> entry : among.entrySet()) {
      double similarity = VectorProfile.dot(entry.getValue(), vector);
      if (best == null || similarity > best.getValue()) {
        best = Map.entry(entry.getKey(), similarity);
      }
    }
    return best;
  }

  private static SearchHit withScore(SearchHit hit, double score) {
    return new SearchHit(
        hit.id(),
        (float) score,
        hit.titleHtml(),
        hit.snippetHtml(),
        hit.title(),
        hit.abstractText(),
        hit.authors(),
        hit.publishedAt(),
        hit.artifacts());
  }

  private static LocalDate published(SearchHit hit) {
    return LocalDate.ofInstant(hit.publishedAt(), ZoneOffset.UTC);
  }
}
