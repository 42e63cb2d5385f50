package dev.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TexAccentsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Patrick Forr\\'e|Patrick Forré",
        "Patrick Forr\\'{e}|Patrick Forré",
        "Patrick Forr{\\'e}|Patrick Forré",
        "Bernhard Sch\\\"olkopf|Bernhard Schölkopf",
        "Marko Kosti\\' c|Marko Kostić",
        "Piotr Doll\\'ar|Piotr Dollár",
        "\\v{S}imon \\v Sediv\\'y|Šimon Šedivý",
        "Fran\\c{c}ois Ma\\~nas|François Mañas",
        "Bj\\o rn \\AA ngstr\\\"om|Bjørn Ångström",
        "Pawe\\l{} Erd\\H{o}s|Paweł Erdős",
        "Jos\\'{\\i} G\\`ere|Jos\u00ed Gère",
        "Ren\\'e Thom|René Thom",
        "Alan Turing|Alan Turing",
        "M. \\\"{U}nl\\\"u|M. Ünlü",
      })
  void decodesTheAccentsAuthorsType(String tex, String decoded) {
    assertThat(TexAccents.decode(tex)).isEqualTo(decoded);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"$\\phi_W$ and \\mathbb{S}", "a \\\\ b", "\\alpha-helix"})
  void leavesOtherTexAsItWas(String tex) {
    assertThat(TexAccents.decode(tex)).isEqualTo(tex);
  }
}
