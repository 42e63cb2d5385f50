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
  static List<float[]> centroids(List<float[]> given) {
    // Unit length once, so that each of the many comparisons below is a dot product.
    List<float[]> vectors = given.stream().map(VectorProfile::unit).toList();
    int k = Math.max(1, Math.min(MAX_CENTROIDS, vectors.size() / PER_CENTROID));
    List<float[]> centres = new ArrayList<>();
    // Farthest-first start: the first vector, then each time the one least like any centre.
    centres.add(vectors.get(0).clone());
    while (centres.size() < k) {
      float[] farthest = null;
      double worst = Double.MAX_VALUE;
      for (float[] v : vectors) {
        double best = centres.stream().mapToDouble(c -> dot(c, v)).max().orElse(0);
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

  /** The centre most like {@code v}; all of unit length. */
  static int nearest(List<float[]> centres, float[] v) {
    int best = 0;
    double bestSimilarity = dot(centres.get(0), v);
    for (int c = 1; c < centres.size(); c++) {
      double similarity = dot(centres.get(c), v);
      if (similarity > bestSimilarity) {
        best = c;
        bestSimilarity = similarity;
      }
    }
    return best;
  }

  /** The cosine of two vectors of unit length. */
  static double dot(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  private static double length(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  /** {@code v} scaled to length 1 (a zero vector stays zero). */
  static float[] unit(float[] v) {
    double length = length(v);
    if (length == 0) {
      return v.clone();
    }
    float[] unit = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      unit[i] = (float) (v[i] / length);
    }
    return unit;
  }
}
