package dev.paperboy.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * @param total how many papers match
 * @param didYouMean a corrected query when nothing matched and one would, else null
 */
public record SearchResults(long total, List<SearchHit> hits, @Nullable String didYouMean) {}
