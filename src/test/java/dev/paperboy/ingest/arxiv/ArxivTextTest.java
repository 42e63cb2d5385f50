package dev.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArxivTextTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Plain title|Plain title",
        "'  leading and trailing  '|leading and trailing",
        "'wrapped\\n  line'|wrapped line",
        "'tab\\tinside'|tab inside",
        "'carriage\\rreturn'|carriage return",
        "'double  space'|double space",
      })
  void foldsEveryRunOfWhiteSpaceToOneSpace(String input, String expected) {
    String unescaped = input.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r");

    assertThat(ArxivText.fold(unescaped)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'  First line\\nwrapped.\\n  Second paragraph.'|'First line wrapped.\\nSecond paragraph.'",
        "'One paragraph\\nonly.'|One paragraph only.",
      })
  void keepsTheAbstractsParagraphs(String input, String expected) {
    assertThat(ArxivText.abstractParagraphs(input.replace("\\n", "\n")))
        .isEqualTo(expected.replace("\\n", "\n"));
  }
}
