package dev.paperboy.search.lucene;

import dev.paperboy.artifact.Artifacts;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.TexAccents;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/** The index's field names and how a paper becomes a document: the one mapping. */
final class PaperFields {
  static final String ID = "id";
  static final String TITLE = "title";
  static final String TITLE_EXACT = "title_exact";
  static final String TITLE_WORDS = "title_words";
  static final String ABSTRACT = "abstract";
  static final String AUTHORS = "authors";
  static final String AUTHOR_EXACT = "author_exact";

  /** Each author's first initial and last name, folded: where author pages start. */
  static final String AUTHOR_SHORT = "author_short";

  static final String CATEGORY = "category";

  /** Stored only: with the abstract, where a hit's code links are read from. */
  static final String COMMENTS = "comments";

  /** {@code code} when the paper links to code: the {@code has:code} filter. */
  static final String HAS = "has";

  static final String SPELL = "spell";
  static final String PUBLISHED_DAY = "published_day";
  static final String PUBLISHED_AT = "published_at";

  /** The paper's semantic vector (HNSW), when the vectors job has computed it. */
  static final String VECTOR = "vector";

  /** Joins the stored author names; no author name contains it. */
  static final String AUTHOR_SEPARATOR = "; ";

  /**
   * Stored, tokenized text with offsets in the postings: the highlighter then reads match positions
   * from the index instead of analysing every hit's abstract again.
   */
  private static final FieldType PROSE = prose();

  /**
   * Tokenized, not stored, documents only: the spelling checker reads only which words occur and in
   * how many papers, and positions for a second copy of every abstract are a build's cost.
   */
  private static final FieldType WORDS = words();

  private PaperFields() {}

  private static FieldType words() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS);
    type.freeze();
    return type;
  }

  private static FieldType prose() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /** How each field is analysed: {@link Analyzers#perField()}. */
  static Analyzer analyzer() {
    return Analyzers.perField();
  }

  static Document document(Paper paper, float @Nullable [] vector) {
    // Stores written before ingest decoded TeX accents still hold them: index the names decoded.
    List<String> authors = paper.authors().stream().map(TexAccents::decode).toList();
    Document doc = new Document();
    doc.add(new StringField(ID, paper.id().base(), Field.Store.YES));
    // Ties in a ranking are broken by id, not by the order papers happened to be indexed in.
    doc.add(new SortedDocValuesField(ID, new BytesRef(paper.id().base())));
    doc.add(new Field(TITLE, paper.title(), PROSE));
    doc.add(new StringField(TITLE_EXACT, Analyzers.key(paper.title()), Field.Store.NO));
    doc.add(new TextField(TITLE_WORDS, paper.title(), Field.Store.NO));
    doc.add(new Field(ABSTRACT, paper.abstractText(), PROSE));
    doc.add(new TextField(AUTHORS, String.join(AUTHOR_SEPARATOR, authors), Field.Store.YES));
    for (String author : authors) {
      doc.add(new StringField(AUTHOR_EXACT, Analyzers.key(author), Field.Store.NO));
      doc.add(new StringField(AUTHOR_SHORT, AuthorLookup.shortKey(author), Field.Store.NO));
    }
    for (String category : paper.categories()) {
      doc.add(new StringField(CATEGORY, category, Field.Store.NO));
    }
    if (paper.comments() != null) {
      doc.add(new StoredField(COMMENTS, paper.comments()));
    }
    if (Artifacts.of(paper).hasCode()) {
      doc.add(new StringField(HAS, "code", Field.Store.NO));
    }
    doc.add(new Field(SPELL, paper.title() + "\n" + paper.abstractText(), WORDS));
    long day = LocalDate.ofInstant(paper.publishedAt(), ZoneOffset.UTC).toEpochDay();
    doc.add(new LongPoint(PUBLISHED_DAY, day));
    doc.add(new NumericDocValuesField(PUBLISHED_DAY, day));
    doc.add(new StoredField(PUBLISHED_DAY, day));
    // Seconds, for "newest first": days alone would tie a whole day's papers.
    doc.add(new NumericDocValuesField(PUBLISHED_AT, paper.publishedAt().getEpochSecond()));
    doc.add(new StoredField(PUBLISHED_AT, paper.publishedAt().getEpochSecond()));
    if (vector != null) {
      doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
    }
    return doc;
  }
}
