package dev.paperboy.author;

import dev.paperboy.paper.TexAccents;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Author names compared as people write them: TeX accents decoded, accents, case, punctuation off.
 */
final class Names {
  private Names() {}

  static String fold(String name) {
    return Normalizer.normalize(TexAccents.decode(name), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
