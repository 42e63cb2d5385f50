package dev.paperboy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorProfileTest {
  @Test
  void aReaderOfTwoFieldsGetsACentroidInEachNotOneBetween() {
    List<float[]> liked = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      liked.add(new float[] {1, 0.05f * i, 0});
      liked.add(new float[] {0, 0.05f * i, 1});
    }

    List<float[]> centroids = VectorProfile.centroids(liked);

    assertThat(centroids).hasSize(2);
    assertThat(centroids)
        .anySatisfy(
            c -> assertThat(VectorProfile.dot(c, new float[] {1, 0, 0})).isGreaterThan(0.99))
        .anySatisfy(
            c -> assertThat(VectorProfile.dot(c, new float[] {0, 0, 1})).isGreaterThan(0.99));
  }

  @Test
  void fewPapersMakeOneCentroidOfLengthOne() {
    List<float[]> centroids =
        VectorProfile.centroids(List.of(new float[] {3, 0}, new float[] {0, 3}));

    assertThat(centroids).hasSize(1);
    float[] c = centroids.get(0);
    assertThat(c[0] * c[0] + c[1] * c[1]).isCloseTo(1f, within(1e-5f));
    assertThat(c[0]).isCloseTo(c[1], within(1e-5f));
  }
}
