package dev.paperboy.recommend;

import java.util.List;

/** The recommender's vector profile, for the evaluations in dev.paperboy.bench. */
public final class Profiles {
  private Profiles() {}

  public static List<float[]> centroids(List<float[]> liked) {
    return VectorProfile.centroids(liked);
  }
}
