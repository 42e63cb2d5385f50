package dev.paperboy.recommend;

import java.util.ArrayList;
import java.util.List;

/**
 * A reader's interests as a few points in the embedding space: the liked papers' vectors grouped by
 * k-means (cosine, deterministic start), one centroid a group, so that a member who reads two
 * fields is not summed into a point between them that is close to neither. Pure functions.
 */
final class VectorProfile {
  /** Liked papers per centroid, at least: fewer make a centroid of noise. */
  private static final int PER_CENTROID = 4;

  private static final int MAX_CENTROIDS = 3;
  private static final int ROUNDS = 10;

  private VectorProfile() {}

  /** Up to three unit-length centroids of {@code vectors} (which must not be empty). */
  static List<float[]> centroids(List<float[]> vectors) {
    int k = Math.max(1, Math.min(MAX_CENTROIDS, vectors.size() / PER_CENTROID));
    List<float[]> centres = new ArrayList<>();
    // Farthest-first start: the first vector, then each time the one least like any centre.
    centres.add(vectors.get(0).clone());
    while (centres.size() < k) {
      float[] farthest = null;
      double worst = Double.MAX_VALUE;
      for (float[] v : vectors) {
        double best = centres.stream().mapToDouble(c -> cosine(c, v)).max().orElse(0);
        if (best < worst) {
          worst = best;
          farthest = v;
        }
      }
      centres.add(farthest.clone());
    }
    for (int round = 0; round < ROUNDS; round++) {
      float[][] sums = new float[k][vectors.get(0).length];
      for (float[] v : vectors) {
        float[] sum = sums[nearest(centres, v)];
        for (int i = 0; i < v.length; i++) {
          sum[i] += v[i];
        }
      }
      for (int c = 0; c < k; c++) {
        if (length(sums[c]) > 0) {
          centres.set(c, unit(sums[c]));
        }
      }
    }
    return centres;
  }

  static int nearest(List<float[]> centres, float[] v) {
    int best = 0;
    for (int c = 1; c < centres.size(); c++) {
      if (cosine(centres.get(c), v) > cosine(centres.get(best), v)) {
        best = c;
      }
    }
    return best;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    double lengths = length(a) * length(b);
    return lengths == 0 ? 0 : dot / lengths;
  }

  private static double length(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  private static float[] unit(float[] v) {
    double length = length(v);
    float[] unit = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      unit[i] = (float) (v[i] / length);
    }
    return unit;
  }
}
