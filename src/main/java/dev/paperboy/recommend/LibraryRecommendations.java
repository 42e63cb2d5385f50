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
  /** Neighbours taken per centroid for each recommendation asked. */
  private static final int WIDEN = 3;

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

  public Answer recommend(
      List<ArxivId> liked, List<ArxivId> disliked, int limit, @Nullable LocalDate since) {
    Map<String, Paper> known = papers.findAll(liked);
    List<String> notFound =
        liked.stream().map(ArxivId::base).filter(id -> !known.containsKey(id)).distinct().toList();
    Set<String> exclude = new HashSet<>(known.keySet());
    disliked.forEach(id -> exclude.add(id.base()));
    Map<String, float[]> likedVectors = vectors.of(known.keySet());
    if (likedVectors.isEmpty()) {
      List<Recommendation> byWords =
          search.recommend(
              new Interests(
                  List.copyOf(known.values().stream().map(Paper::id).toList()),
                  List.of(),
                  List.of(),
                  List.of(),
                  exclude),
              limit * WIDEN);
      return new Answer(
          byWords.stream()
              .filter(r -> since == null || !published(r.hit()).isBefore(since))
              .limit(limit)
              .toList(),
          notFound);
    }
    Map<String, float[]> dislikedVectors =
        vectors.of(disliked.stream().map(ArxivId::base).toList());
    Map<String, SearchHit> candidates = new LinkedHashMap<>();
    for (float[] centroid : VectorProfile.centroids(List.copyOf(likedVectors.values()))) {
      for (SearchHit hit : search.nearest(centroid, limit * WIDEN, exclude, since)) {
        candidates.merge(hit.id().base(), hit, (a, b) -> a.score() >= b.score() ? a : b);
      }
    }
    Map<String, float[]> candidateVectors = vectors.of(candidates.keySet());
    List<Recommendation> ranked = new ArrayList<>();
    for (SearchHit hit : candidates.values()) {
      float[] vector = candidateVectors.get(hit.id().base());
      if (vector == null) {
        continue;
      }
      Map.Entry<String, Double> closest = closest(likedVectors, vector);
      Map.Entry<String, Double> disliking = closest(dislikedVectors, vector);
      if (disliking != null && disliking.getValue() > closest.getValue()) {
        continue;
      }
      Paper because = known.get(closest.getKey());
      ranked.add(
          new Recommendation(
              withScore(hit, closest.getValue()),
              because.id().base(),
              "close to \u201c" + because.title() + "\u201d, which you liked",
              List.of()));
    }
    ranked.sort(Comparator.comparingDouble((Recommendation r) -> -r.hit().score()));
    return new Answer(ranked.stream().limit(limit).toList(), notFound);
  }

  private static Map.@Nullable Entry<String, Double> closest(
      Map<String, float[]> among, float[] vector) {
    Map.Entry<String, Double> best = null;
    for (Map.Entry<String, float[]> entry : among.entrySet()) {
      double similarity = VectorProfile.cosine(entry.getValue(), vector);
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
        hit.publishedAt());
  }

  private static LocalDate published(SearchHit hit) {
    return LocalDate.ofInstant(hit.publishedAt(), ZoneOffset.UTC);
  }
}
