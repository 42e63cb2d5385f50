package dev.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorLineTest {
  @Test
  void upToFiveNamesAreAllShownAndALongerListSaysHowManyMore() {
    assertThat(AuthorLine.of(List.of())).isEmpty();
    assertThat(AuthorLine.of(List.of("Ada Lovelace"))).isEqualTo("Ada Lovelace");
    assertThat(AuthorLine.of(List.of("A", "B", "C", "D", "E"))).isEqualTo("A, B, C, D, E");
    assertThat(AuthorLine.of(List.of("A", "B", "C", "D", "E", "F")))
        .isEqualTo("A, B, C, D and 2 more");
    assertThat(AuthorLine.of(List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J")))
        .isEqualTo("A, B, C, D and 6 more");
  }
}
