package dev.paperboy.search.lucene;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How text becomes terms, the same at index and query time. Every field folds with ICU (case,
 * accents, width: "Forré", "FORRE" and "forre" are one term). Prose (titles, abstracts) also drops
 * English stop words and TeX markup and is stemmed; names are only folded, since "An", "De" and
 * "Will" are names too; exact keys are a whole title or name folded to one term.
 */
final class Analyzers {
  /**
   * TeX commands that only format mathematics or text. They are dropped before tokenizing, so
   * {@code $\mathbb{S}^{d-1}$} indexes no "mathbb" and {@code \left(} no "left"; commands that name
   * something ({@code \alpha}, {@code \log}) stay as the word they spell.
   */
  private static final Pattern TEX_FORMATTING =
      Pattern.compile(
          "\\\\(?:math(?:bb|bf|cal|frak|it|rm|scr|sf|tt|op|ring)|text(?:bf|it|rm|sc|sf|tt|up)?|"
              + "operatorname|boldsymbol|bm|emph|rm|bf|it|cal|mbox|hbox|[dt]?frac|sqrt|left|right|"
              + "[bB]ig{1,2}[lr]?|begin|end|label|cite|ref|eqref|cdots?|[lcv]dots|dots|quad|qquad|"
              + "hat|widehat|tilde|widetilde|bar|overline|underline|vec|ddot|dot|limits|nolimits|"
              + "displaystyle|textstyle|scriptstyle|[,;:!> ])(?![A-Za-z])");

  private Analyzers() {}

  /** The analyzer for each field of {@link PaperFields}; prose is the default. */
  static Analyzer perField() {
    Analyzer names = names();
    return new PerFieldAnalyzerWrapper(
        prose(),
        Map.of(
            PaperFields.AUTHORS,
            names,
            PaperFields.SPELL,
            names,
            PaperFields.TITLE_WORDS,
            words()));
  }

  /** Titles and abstracts: TeX formatting dropped, folded, stop words out, stemmed. */
  static Analyzer prose() {
    return prose(true);
  }

  /**
   * Every word of a title, stop words and single letters too, stemmed: the field the title phrase
   * is matched on, where "potential for magnetism" must not match "potentials and magnetic".
   */
  static Analyzer words() {
    return prose(false);
  }

  private static Analyzer prose(boolean dropStopWords) {
    CharArraySet stop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new PatternReplaceCharFilter(TEX_FORMATTING, " ", reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new ICUFoldingFilter(result);
        if (dropStopWords) {
          result = new StopFilter(result, stop);
          // Single letters and digits are the variables and indices of formulas, not words.
          result = new LengthFilter(result, 2, 255);
        }
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUFoldingFilter(in);
      }
    };
  }

  /** Author names, and the words of the spelling field: tokenized and folded, nothing dropped. */
  static Analyzer names() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new ICUFoldingFilter(source));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUFoldingFilter(in);
      }
    };
  }

  private static final Analyzer KEY = names();

  /**
   * A whole title or name as one comparable key: its folded words, one space apart. "BERT:
   * Pre-training of Deep…" and "bert pre training of deep…" have the same key.
   */
  static String key(String text) {
    return String.join(" ", terms(KEY, "key", text));
  }

  /** The terms {@code analyzer} makes of {@code text} for {@code field}, in order. */
  static List<String> terms(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse text held in memory", e);
    }
    return terms;
  }
}
