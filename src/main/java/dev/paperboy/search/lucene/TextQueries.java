package dev.paperboy.search.lucene;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.search.SearchQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A reader's search as a Lucene query. Filters ({@code author:}, {@code cat:}, {@code has:code},
 * dates) are taken out first; the rest is words, or the operators of {@link SimpleQueryParser} when
 * the reader used any.
 *
 * <p>Plain words are matched the way people half remember a paper. Each word matches in the title,
 * the authors or the abstract, as each field was analysed; a word that is a stop word of the prose
 * fields is dropped everywhere (so "for" never has to be an author's name), and a word no paper has
 * is left out (the spelling suggestion speaks for it). Most of the other words must match, not all,
 * and the best papers are lifted above the rest in tiers, each a constant far above any BM25 score:
 * the exact arXiv id, then the exact title, then the words standing together in the title, then
 * every word in the title or authors, then every word anywhere. Within a tier, BM25 decides.
 */
final class TextQueries {
  private static final Pattern AUTHOR = Pattern.compile("(?i)\\bauthor:(?:\"([^\"]*)\"|(\\S+))");
  private static final Pattern CATEGORY = Pattern.compile("(?i)\\b(?:cat|category):(\\S+)");
  private static final Pattern HAS_CODE = Pattern.compile("(?i)\\bhas:code\\b");

  /** Characters that make a query use {@link SimpleQueryParser}'s operators. */
  private static final Pattern OPERATORS = Pattern.compile("[\"*|()]|(?:^|\\s)[+-]\\S");

  /**
   * Words of a question that say nothing of its subject ("how do I make transformers faster"): they
   * are not required, or a long abstract that happens to hold them all would rank first. The title
   * phrase still counts them, so a title that starts "How to" is found word for word.
   */
  private static final Set<String> QUESTION_WORDS =
      Set.of(
          "how", "what", "which", "why", "when", "where", "who", "whom", "do", "does", "did", "i",
          "me", "my", "we", "our", "you", "your", "can", "could", "should", "would", "make", "get",
          "find", "any", "paper", "papers", "about");

  private static final float ID = 100_000f;
  private static final float EXACT_TITLE = 50_000f;
  private static final float TITLE_PHRASE = 20_000f;
  private static final float IN_TITLE_OR_AUTHORS = 5_000f;
  private static final float ALL_WORDS = 10_000f;

  /** Query-time weights: a title match counts most, then authors, then the abstract. */
  private static final Map<String, Float> WEIGHTS =
      Map.of(PaperFields.TITLE, 3f, PaperFields.AUTHORS, 2f, PaperFields.ABSTRACT, 1f);

  private final Analyzer analyzer;
  private final QueryBuilder builder;

  TextQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.builder = new QueryBuilder(analyzer);
  }

  /**
   * The query; its filters alone (null when none), for the nearest-neighbour search; the text left
   * after the filters; the words of it that no paper has (for "did you mean"); whether the text is
   * an arXiv id (which has no meaning to search).
   */
  record Built(
      Query query, @Nullable Query filter, String words, List<String> unknown, boolean anId) {}

  /**
   * The tier of a lexical score: 0 for a partial match, higher for every word present, every word
   * in the title or authors, the words together in a title, the exact title, the id (each tier's
   * constant is a multiple of the smallest and far above any BM25 score).
   */
  static int tier(float score) {
    return (int) (score / IN_TITLE_OR_AUTHORS);
  }

  Built build(SearchQuery query, IndexReader reader) throws IOException {
    String text = query.text();
    List<Query> filters = new ArrayList<>();
    Matcher author = AUTHOR.matcher(text);
    while (author.find()) {
      filters.add(author(author.group(1) != null ? author.group(1) : author.group(2)));
    }
    text = AUTHOR.matcher(text).replaceAll(" ");
    Matcher category = CATEGORY.matcher(text);
    while (category.find()) {
      filters.add(new TermQuery(new Term(PaperFields.CATEGORY, category.group(1))));
    }
    text = CATEGORY.matcher(text).replaceAll(" ");
    if (HAS_CODE.matcher(text).find()) {
      filters.add(new TermQuery(new Term(PaperFields.HAS, "code")));
      text = HAS_CODE.matcher(text).replaceAll(" ");
    }
    text = text.strip();
    if (query.from() != null || query.until() != null) {
      long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochDay();
      long until = query.until() == null ? Long.MAX_VALUE : query.until().toEpochDay();
      filters.add(LongPoint.newRangeQuery(PaperFields.PUBLISHED_DAY, from, until));
    }
    List<String> unknown = new ArrayList<>();
    boolean anId = false;
    Query matching;
    if (text.isEmpty()) {
      matching = new MatchAllDocsQuery();
    } else {
      BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
      Query words = OPERATORS.matcher(text).find() ? operators(text) : words(text, reader, unknown);
      if (words != null) {
        anyOf.add(words, Occur.SHOULD);
      }
      anyOf.add(
          tier(new TermQuery(new Term(PaperFields.TITLE_EXACT, Analyzers.key(text))), EXACT_TITLE),
          Occur.SHOULD);
      ArxivId id = id(text);
      if (id != null) {
        anId = true;
        anyOf.add(tier(new TermQuery(new Term(PaperFields.ID, id.base())), ID), Occur.SHOULD);
      }
      matching = anyOf.build();
    }
    if (filters.isEmpty()) {
      return new Built(matching, null, text, unknown, anId);
    }
    BooleanQuery.Builder root = new BooleanQuery.Builder().add(matching, Occur.MUST);
    BooleanQuery.Builder only = new BooleanQuery.Builder();
    for (Query filter : filters) {
      root.add(filter, Occur.FILTER);
      only.add(filter, Occur.FILTER);
    }
    return new Built(root.build(), only.build(), text, unknown, anId);
  }

  /** Words as people type them: most must match, the best in tiers (see the class comment). */
  private @Nullable Query words(String text, IndexReader reader, List<String> unknown)
      throws IOException {
    List<Query> clauses = new ArrayList<>();
    List<Query> titleOrAuthors = new ArrayList<>();
    // The words in order, stop words kept: the title phrase is matched on every word.
    List<String> kept = new ArrayList<>();
    for (String word : text.split("\\s+")) {
      List<String> stems = Analyzers.terms(analyzer, PaperFields.TITLE, word);
      if (stems.isEmpty() || QUESTION_WORDS.contains(Analyzers.key(word))) {
        kept.add(word);
        continue; // a stop word, a single letter, or TeX formatting
      }
      if (!matchesAny(reader, stems, Analyzers.terms(analyzer, PaperFields.AUTHORS, word))) {
        unknown.add(word);
        continue;
      }
      Query title = field(PaperFields.TITLE, word);
      Query abstractText = field(PaperFields.ABSTRACT, word);
      Query authors = field(PaperFields.AUTHORS, word);
      List<Query> fields = new ArrayList<>();
      List<Query> prominent = new ArrayList<>();
      if (title != null) {
        fields.add(new BoostQuery(title, WEIGHTS.get(PaperFields.TITLE)));
        prominent.add(title);
      }
      if (abstractText != null) {
        fields.add(abstractText);
      }
      if (authors != null) {
        fields.add(new BoostQuery(authors, WEIGHTS.get(PaperFields.AUTHORS)));
        prominent.add(authors);
      }
      clauses.add(new DisjunctionMaxQuery(fields, 0.3f));
      titleOrAuthors.add(new DisjunctionMaxQuery(prominent, 0f));
      kept.add(word);
    }
    if (clauses.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder some = new BooleanQuery.Builder();
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    BooleanQuery.Builder prominent = new BooleanQuery.Builder();
    for (int i = 0; i < clauses.size(); i++) {
      some.add(clauses.get(i), Occur.SHOULD);
      all.add(clauses.get(i), Occur.FILTER);
      prominent.add(titleOrAuthors.get(i), Occur.FILTER);
    }
    some.setMinimumNumberShouldMatch(required(clauses.size()));
    BooleanQuery.Builder ranked =
        new BooleanQuery.Builder()
            .add(some.build(), Occur.MUST)
            .add(tier(all.build(), ALL_WORDS), Occur.SHOULD)
            .add(tier(prominent.build(), IN_TITLE_OR_AUTHORS), Occur.SHOULD);
    String together = String.join(" ", kept);
    Query phrase = builder.createPhraseQuery(PaperFields.TITLE_WORDS, together, 1);
    if (phrase != null && clauses.size() > 1) {
      ranked.add(tier(phrase, TITLE_PHRASE), Occur.SHOULD);
      // Proximity within a tier: words near each other in the title count more.
      Query near = builder.createPhraseQuery(PaperFields.TITLE, together, 6);
      // (on the prose field: there the stop words between them do not count as distance)
      if (near != null) {
        ranked.add(new BoostQuery(near, 2f), Occur.SHOULD);
      }
    }
    return ranked.build();
  }

  /**
   * How many of {@code words} known words must match: all of one or two, then about two in three,
   * so that one misremembered word of five still finds the paper.
   */
  static int required(int words) {
    return words <= 2 ? words : (int) Math.ceil(words * 0.6);
  }

  private boolean isStopWord(String word) {
    return Analyzers.terms(analyzer, PaperFields.TITLE, word).isEmpty();
  }

  private static boolean matchesAny(IndexReader reader, List<String> stems, List<String> names)
      throws IOException {
    for (String stem : stems) {
      if (reader.docFreq(new Term(PaperFields.TITLE, stem)) > 0
          || reader.docFreq(new Term(PaperFields.ABSTRACT, stem)) > 0) {
        return true;
      }
    }
    for (String name : names) {
      if (reader.docFreq(new Term(PaperFields.AUTHORS, name)) > 0) {
        return true;
      }
    }
    return false;
  }

  private @Nullable Query field(String field, String word) {
    return builder.createBooleanQuery(field, word, Occur.MUST);
  }

  /** Operators ("phrases", prefix*, +, -, |): every term must match, stop words left out. */
  private @Nullable Query operators(String text) {
    int flags =
        SimpleQueryParser.AND_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS
            | SimpleQueryParser.WHITESPACE_OPERATOR
            | SimpleQueryParser.ESCAPE_OPERATOR;
    SimpleQueryParser parser =
        new SimpleQueryParser(analyzer, WEIGHTS, flags) {
          @Override
          protected @Nullable Query newDefaultQuery(String word) {
            // A stop word would otherwise have to match as an author's name.
            return isStopWord(word) ? null : super.newDefaultQuery(word);
          }

          @Override
          protected @Nullable Query newPhraseQuery(String phrase, int slop) {
            // In titles a quoted phrase is matched word for word, its small words too.
            BooleanQuery.Builder anywhere = new BooleanQuery.Builder();
            TextQueries.add(
                anywhere, builder.createPhraseQuery(PaperFields.TITLE_WORDS, phrase, slop), 3f);
            TextQueries.add(
                anywhere, builder.createPhraseQuery(PaperFields.ABSTRACT, phrase, slop), 1f);
            TextQueries.add(
                anywhere, builder.createPhraseQuery(PaperFields.AUTHORS, phrase, slop), 2f);
            BooleanQuery built = anywhere.build();
            return built.clauses().isEmpty() ? null : built;
          }
        };
    parser.setDefaultOperator(Occur.MUST);
    return parser.parse(text);
  }

  private static void add(BooleanQuery.Builder query, @Nullable Query clause, float boost) {
    if (clause != null) {
      query.add(new BoostQuery(clause, boost), Occur.SHOULD);
    }
  }

  /** {@code author:NAME}: the whole name, or its words (folded), in the authors. */
  private Query author(String name) {
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    either.add(
        new TermQuery(new Term(PaperFields.AUTHOR_EXACT, Analyzers.key(name))), Occur.SHOULD);
    Query words = builder.createBooleanQuery(PaperFields.AUTHORS, name, Occur.MUST);
    if (words != null) {
      either.add(words, Occur.SHOULD);
    }
    return either.build();
  }

  private static @Nullable ArxivId id(String text) {
    try {
      return ArxivId.parse(text);
    } catch (InvalidArxivId notAnId) {
      return null;
    }
  }

  private static Query tier(Query query, float score) {
    return new BoostQuery(new ConstantScoreQuery(query), score);
  }
}
