package dev.paperboy.search.lucene;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.jspecify.annotations.Nullable;

/** "Did you mean": each word no paper has replaced by the closest word the papers do have. */
final class Spelling {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");

  private Spelling() {}

  /** The corrected query, or null when every word is known or nothing close is. */
  static @Nullable String suggest(IndexReader reader, String text) throws IOException {
    // By default it suggests only for words not in the index: known words stay as typed.
    DirectSpellChecker checker = new DirectSpellChecker();
    Matcher words = WORD.matcher(text);
    StringBuilder corrected = new StringBuilder();
    int last = 0;
    boolean changed = false;
    while (words.find()) {
      String word = Analyzers.key(words.group());
      SuggestWord[] suggestions =
          checker.suggestSimilar(new Term(PaperFields.SPELL, word), 1, reader);
      corrected.append(text, last, words.start());
      if (suggestions.length > 0) {
        corrected.append(suggestions[0].string);
        changed = true;
      } else {
        corrected.append(words.group());
      }
      last = words.end();
    }
    corrected.append(text.substring(last));
    return changed ? corrected.toString() : null;
  }
}
