package dev.paperboy.api;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.recommend.LibraryRecommendations;
import dev.paperboy.search.Recommendation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recommendations from a list of papers, without an account. */
@RestController
@RequestMapping("/api")
@Tag(name = "Recommendations", description = "Papers like a list of liked ones, without an account")
class RecommendationsApi {
  static final int MAX_LIKED = 500;
  static final int MAX_LIMIT = 100;

  private final LibraryRecommendations recommendations;

  RecommendationsApi(LibraryRecommendations recommendations) {
    this.recommendations = recommendations;
  }

  /**
   * @param liked arXiv ids (any form: 2401.00001, arXiv:2401.00001v2, an abs URL), 1 to 500
   * @param disliked ids never to recommend, nor anything nearer them than to a liked paper
   * @param limit how many, 1 to 100 (default 20)
   * @param since only papers first published on or after this day (YYYY-MM-DD)
   */
  record Request(
      @Nullable List<String> liked,
      @Nullable List<String> disliked,
      @Nullable Integer limit,
      @Nullable String since) {}

  record Item(SearchItem.Found paper, String reason, @Nullable String because, double score) {}

  record Answer(List<Item> recommendations, List<String> notFound) {}

  @Operation(
      summary = "Recommend papers from a list of liked papers",
      description =
          "Up to 500 liked arXiv ids (optional disliked ids, limit 1-100, since YYYY-MM-DD) give"
              + " the papers nearest them by meaning, each with the liked paper it is closest to."
              + " Liked ids this site does not hold are listed in notFound. Nothing is stored.")
  @PostMapping(
      value = "/recommendations",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Answer recommend(@RequestBody Request request) {
    List<String> liked = request.liked() == null ? List.of() : request.liked();
    if (liked.isEmpty() || liked.size() > MAX_LIKED) {
      throw new BadApiRequest("liked must hold 1 to " + MAX_LIKED + " arXiv ids");
    }
    List<String> disliked = request.disliked() == null ? List.of() : request.disliked();
    if (disliked.size() > MAX_LIKED) {
      throw new BadApiRequest("disliked may hold at most " + MAX_LIKED + " arXiv ids");
    }
    int limit = request.limit() == null ? 20 : request.limit();
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadApiRequest("limit must be from 1 to " + MAX_LIMIT);
    }
    LocalDate since = null;
    if (request.since() != null) {
      try {
        since = LocalDate.parse(request.since());
      } catch (DateTimeParseException e) {
        throw new BadApiRequest("since must be a day as YYYY-MM-DD");
      }
    }
    LibraryRecommendations.Answer answer =
        recommendations.recommend(ids("liked", liked), ids("disliked", disliked), limit, since);
    return new Answer(
        answer.recommendations().stream().map(RecommendationsApi::item).toList(),
        answer.notFound());
  }

  private static Item item(Recommendation r) {
    return new Item(SearchItem.of(r.hit()).paper(), r.reason(), r.because(), r.hit().score());
  }

  private static List<ArxivId> ids(String field, List<String> given) {
    List<ArxivId> ids = new ArrayList<>(given.size());
    for (String id : given) {
      try {
        ids.add(ArxivId.parse(id == null ? "" : id.strip()));
      } catch (InvalidArxivId e) {
        String shown = id == null ? "null" : id.length() > 40 ? id.substring(0, 40) + "…" : id;
        throw new BadApiRequest(field + " holds '" + shown + "', which is not an arXiv id");
      }
    }
    return ids;
  }
}
