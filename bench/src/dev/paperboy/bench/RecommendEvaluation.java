package dev.paperboy.bench;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.search.Interests;
import dev.paperboy.search.Recommendation;
import dev.paperboy.search.lucene.LuceneIndex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An offline comparison of ways to recommend papers, on the 100k corpus with synthetic members.
 *
 * <p>A member is a prolific author of the corpus: the papers they wrote with at most nine others
 * (no large collaborations) are the papers they like.
 * Each likes their older papers (the 10 most recent of them, as the profile takes) and the newest
 * 30% are held out: a good recommender ranks those high among all 100k papers. Author names are
 * left out of every model, or a member would be found by name. Compared:
 *
 * <ul>
 *   <li>{@code paperboy}: what "For you" runs, the liked papers' TF-IDF vectors averaged and the
 *       strongest terms made one weighted Lucene query, over the index bench/search.sh builds;
 *   <li>{@code svm}: arxiv-sanity-lite, TF-IDF of title and abstract (words and word pairs, 20,000
 *       features, sublinear tf, l2) and a linear SVM per member trained on all papers (liblinear,
 *       the library scikit-learn's LinearSVC wraps; C = 0.01, balanced class weights);
 *   <li>{@code centroid}: the same TF-IDF, papers ranked by cosine to the mean of the liked ones;
 *   <li>{@code vectors}: the liked papers' stored semantic vectors (read from the store beside the
 *       index), up to three k-means centroids, each centroid's HNSW neighbours;
 *   <li>{@code blend}: {@code paperboy} and {@code vectors} fused by reciprocal rank, as {@code
 *       POST /api/recommendations} does.
 * </ul>
 *
 * <p>Reports precision at 10, recall at 50 and 100 and the mean reciprocal rank of the first held-out
 * paper, averaged over members, and the time each method takes per member.
 *
 * <pre>
 * mvn -q -Pbench test-compile exec:exec -Dbench.main=dev.paperboy.bench.RecommendEvaluation \
 *   -Dbench=../shared/data/arxiv-snapshot/arxiv-2016-10_2017-04-100k.snapshot.jsonl.gz
 * </pre>
 */
public final class RecommendEvaluation {
  private static final int MEMBERS = 150;
  private static final int MIN_PAPERS = 10;
  private static final int MAX_AUTHORS = 10;
  private static final int LIKED = 10;
  private static final int TOP = 100;
  private static final int FEATURES = 20_000;
  private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9_]+");

  private record Doc(String id, String title, String abstractText, List<String> authors,
      String created) {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    Path indexPath = Path.of(args.length > 1 ? args[1] : "target/bench-data/index");
    List<Doc> docs = read(corpus);
    System.out.printf("corpus: %,d papers%n", docs.size());

    Map<String, List<Integer>> byAuthor = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      // Collaboration papers (thousands of authors, one text) would make members trivially alike.
      if (docs.get(i).authors().size() > MAX_AUTHORS) {
        continue;
      }
      for (String author : docs.get(i).authors()) {
        byAuthor.computeIfAbsent(author, a -> new ArrayList<>()).add(i);
      }
    }
    List<String> prolific =
        byAuthor.entrySet().stream()
            .filter(e -> e.getValue().size() >= MIN_PAPERS)
            .map(Map.Entry::getKey)
            .sorted()
            .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    java.util.Collections.shuffle(prolific, new Random(42));
    List<String> members = prolific.subList(0, Math.min(MEMBERS, prolific.size()));
    System.out.printf(
        "members: %d of %d authors with %d+ papers%n", members.size(), prolific.size(), MIN_PAPERS);

    // -Dmethods=paperboy skips the slow SVM while the index's method is being tuned.
    Set<String> methods = Set.of(System.getProperty("methods", "paperboy,svm,centroid").split(","));
    long start = System.nanoTime();
    Feature[][] vectors =
        methods.contains("svm") || methods.contains("centroid") ? tfidf(docs) : null;
    System.out.printf("tf-idf: %.1f s%n", (System.nanoTime() - start) / 1e9);

    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      position.put(docs.get(i).id(), i);
    }
    Scores paperboy = new Scores("paperboy (tf-idf profile query)");
    Scores svm = new Scores("svm (arxiv-sanity)");
    Scores centroid = new Scores("centroid (tf-idf cosine)");
    Scores vectorScores = new Scores("vectors (MiniLM, k-means HNSW)");
    Scores blendScores = new Scores("blend (tf-idf + vectors, RRF)");
    java.sql.Connection db =
        methods.contains("vectors")
            ? java.sql.DriverManager.getConnection(
                "jdbc:sqlite:" + indexPath.toAbsolutePath().getParent().resolve("paperboy.db"))
            : null;
    Linear.disableDebugOutput();
    try (LuceneIndex index = LuceneIndex.open(indexPath)) {
      for (String member : members) {
        List<Integer> papers = new ArrayList<>(byAuthor.get(member));
        papers.sort(Comparator.comparing((Integer i) -> docs.get(i).created()).thenComparing(i -> i));
        int held = (int) Math.ceil(papers.size() * 0.3);
        List<Integer> older = papers.subList(0, papers.size() - held);
        List<Integer> liked = older.subList(Math.max(0, older.size() - LIKED), older.size());
        Set<Integer> truth = new HashSet<>(papers.subList(papers.size() - held, papers.size()));
        Set<Integer> exclude = new HashSet<>(older);

        long t = System.nanoTime();
        List<Integer> ours = recommendWithIndex(index, docs, position, liked, exclude);
        paperboy.add(ours, truth, System.nanoTime() - t);

        if (db != null) {
          t = System.nanoTime();
          List<Integer> near = recommendWithVectors(db, index, docs, position, liked, exclude);
          vectorScores.add(near, truth, System.nanoTime() - t);
          if (methods.contains("blend")) {
            blendScores.add(blend(ours, near), truth, System.nanoTime() - t);
          }
        }

        if (methods.contains("svm")) {
          t = System.nanoTime();
          svm.add(top(svmScores(vectors, liked), exclude), truth, System.nanoTime() - t);
        }
        if (methods.contains("centroid")) {
          t = System.nanoTime();
          centroid.add(top(centroidScores(vectors, liked), exclude), truth, System.nanoTime() - t);
        }
      }
    }
    System.out.printf(
        "%-34s %8s %8s %8s %8s %10s%n", "method", "P@10", "R@50", "R@100", "MRR", "ms/member");
    for (Scores scores : List.of(paperboy, vectorScores, blendScores, svm, centroid)) {
      if (scores.members > 0) {
        scores.print();
      }
    }
  }

  private static List<Integer> recommendWithIndex(
      LuceneIndex index,
      List<Doc> docs,
      Map<String, Integer> position,
      List<Integer> liked,
      Set<Integer> exclude) {
    // Most recent first, as Interests expects.
    List<ArxivId> likedIds = new ArrayList<>();
    for (int i = liked.size() - 1; i >= 0; i--) {
      likedIds.add(ArxivId.parse(docs.get(liked.get(i)).id()));
    }
    Set<String> excluded = new HashSet<>();
    exclude.forEach(i -> excluded.add(ArxivId.parse(docs.get(i).id()).base()));
    List<Integer> ranked = new ArrayList<>();
    // The index also holds the demo papers; only the corpus's count here.
    for (Recommendation r :
        index.recommend(new Interests(likedIds, List.of(), List.of(), List.of(), excluded), TOP * 2)) {
      Integer at = position.get(r.hit().id().base());
      if (at != null && ranked.size() < TOP) {
        ranked.add(at);
      }
    }
    return ranked;
  }

  /**
   * What {@code POST /api/recommendations} runs: the liked papers' stored vectors, up to three
   * k-means centroids, each centroid's nearest papers in the index's HNSW graph, the best
   * similarity of each paper kept.
   */
  private static List<Integer> recommendWithVectors(
      java.sql.Connection db,
      LuceneIndex index,
      List<Doc> docs,
      Map<String, Integer> position,
      List<Integer> liked,
      Set<Integer> exclude)
      throws java.sql.SQLException {
    List<float[]> vectors = new ArrayList<>();
    try (java.sql.PreparedStatement read =
        db.prepareStatement("SELECT vector FROM paper_vectors WHERE arxiv_id = ?")) {
      for (int i : liked) {
        read.setString(1, ArxivId.parse(docs.get(i).id()).base());
        try (java.sql.ResultSet rs = read.executeQuery()) {
          if (rs.next()) {
            byte[] bytes = rs.getBytes(1);
            float[] v = new float[bytes.length / 4];
            java.nio.ByteBuffer.wrap(bytes)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .get(v);
            vectors.add(v);
          }
        }
      }
    }
    Set<String> excluded = new HashSet<>();
    exclude.forEach(i -> excluded.add(ArxivId.parse(docs.get(i).id()).base()));
    Map<Integer, Float> best = new HashMap<>();
    for (float[] c : dev.paperboy.recommend.Profiles.centroids(vectors)) {
      for (dev.paperboy.search.SearchHit hit : index.nearest(c, TOP, excluded, null)) {
        Integer at = position.get(hit.id().base());
        if (at != null) {
          best.merge(at, hit.score(), Math::max);
        }
      }
    }
    return best.entrySet().stream()
        .sorted(Map.Entry.<Integer, Float>comparingByValue().reversed())
        .limit(TOP)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The two rankings fused by reciprocal rank (1 / (60 + rank), summed). */
  private static List<Integer> blend(List<Integer> words, List<Integer> meaning) {
    Map<Integer, Double> fused = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      fused.merge(words.get(i), 1.0 / (61 + i), Double::sum);
    }
    for (int i = 0; i < meaning.size(); i++) {
      fused.merge(meaning.get(i), 1.0 / (61 + i), Double::sum);
    }
    return fused.entrySet().stream()
        .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
        .limit(TOP)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static double[] svmScores(Feature[][] vectors, List<Integer> liked) {
    double[] y = new double[vectors.length];
    Arrays.fill(y, -1);
    liked.forEach(i -> y[i] = 1);
    Problem problem = new Problem();
    problem.l = vectors.length;
    problem.n = FEATURES;
    problem.x = vectors;
    problem.y = y;
    problem.bias = -1;
    Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, 0.01, 1e-6, 10_000, 0.1);
    // scikit-learn's class_weight="balanced": n / (classes * count of the class)
    double positive = vectors.length / (2.0 * liked.size());
    double negative = vectors.length / (2.0 * (vectors.length - liked.size()));
    parameter.setWeights(new double[] {positive, negative}, new int[] {1, -1});
    Model model = Linear.train(problem, parameter);
    double[] weights = model.getFeatureWeights();
    // liblinear orders labels as it meets them: the weights speak for the first one.
    double sign = model.getLabels()[0] == 1 ? 1 : -1;
    double[] scores = new double[vectors.length];
    for (int d = 0; d < vectors.length; d++) {
      double s = 0;
      for (Feature f : vectors[d]) {
        s += weights[f.getIndex() - 1] * f.getValue();
      }
      scores[d] = sign * s;
    }
    return scores;
  }

  private static double[] centroidScores(Feature[][] vectors, List<Integer> liked) {
    double[] mean = new double[FEATURES + 1];
    for (int i : liked) {
      for (Feature f : vectors[i]) {
        mean[f.getIndex()] += f.getValue() / liked.size();
      }
    }
    double[] scores = new double[vectors.length];
    for (int d = 0; d < vectors.length; d++) {
      double s = 0;
      for (Feature f : vectors[d]) {
        s += mean[f.getIndex()] * f.getValue();
      }
      scores[d] = s;
    }
    return scores;
  }

  private static List<Integer> top(double[] scores, Set<Integer> exclude) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i));
    List<Integer> top = new ArrayList<>(TOP);
    for (int i = 0; i < order.length && top.size() < TOP; i++) {
      if (!exclude.contains(order[i])) {
        top.add(order[i]);
      }
    }
    return top;
  }

  /** Precision at 10, recall at 100 and reciprocal rank, summed over members. */
  private static final class Scores {
    final String name;
    double precision;
    double recall;
    double recall50;
    double reciprocal;
    long nanos;
    int members;

    Scores(String name) {
      this.name = name;
    }

    void add(List<Integer> ranked, Set<Integer> truth, long took) {
      members++;
      nanos += took;
      precision += ranked.stream().limit(10).filter(truth::contains).count() / 10.0;
      recall += ranked.stream().filter(truth::contains).count() / (double) truth.size();
      recall50 +=
          ranked.stream().limit(50).filter(truth::contains).count() / (double) truth.size();
      for (int i = 0; i < ranked.size(); i++) {
        if (truth.contains(ranked.get(i))) {
          reciprocal += 1.0 / (i + 1);
          break;
        }
      }
    }

    void print() {
      System.out.printf(
          "%-34s %8.3f %8.3f %8.3f %8.3f %10.1f%n",
          name,
          precision / members,
          recall50 / members,
          recall / members,
          reciprocal / members,
          nanos / 1e6 / members);
    }
  }

  /**
   * TF-IDF as arxiv-sanity-lite sets up scikit-learn's TfidfVectorizer: lower-cased words of two
   * characters or more without English stop words, and their pairs; the 20,000 most frequent
   * terms; sublinear tf, smooth idf, rows scaled to length 1. liblinear counts features from 1.
   */
  private static Feature[][] tfidf(List<Doc> docs) {
    List<Map<String, Integer>> counts = new ArrayList<>(docs.size());
    Map<String, int[]> corpusCount = new HashMap<>();
    for (Doc doc : docs) {
      Map<String, Integer> terms = new HashMap<>();
      List<String> words = new ArrayList<>();
      Matcher m = TOKEN.matcher((doc.title() + " " + doc.abstractText()).toLowerCase(Locale.ROOT));
      while (m.find()) {
        if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(m.group())) {
          words.add(m.group());
        }
      }
      for (int i = 0; i < words.size(); i++) {
        terms.merge(words.get(i), 1, Integer::sum);
        if (i > 0) {
          terms.merge(words.get(i - 1) + " " + words.get(i), 1, Integer::sum);
        }
      }
      terms.forEach((term, n) -> corpusCount.computeIfAbsent(term, t -> new int[2])[0] += n);
      terms.keySet().forEach(term -> corpusCount.get(term)[1]++);
      counts.add(terms);
    }
    Map<String, Integer> feature = new LinkedHashMap<>();
    double[] idf = new double[FEATURES + 1];
    corpusCount.entrySet().stream()
        .sorted(
            Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey))
        .limit(FEATURES)
        .forEach(
            e -> {
              int index = feature.size() + 1;
              feature.put(e.getKey(), index);
              idf[index] = Math.log((1.0 + docs.size()) / (1.0 + e.getValue()[1])) + 1;
            });
    Feature[][] vectors = new Feature[docs.size()][];
    for (int d = 0; d < docs.size(); d++) {
      List<FeatureNode> row = new ArrayList<>();
      double norm = 0;
      for (Map.Entry<String, Integer> term : counts.get(d).entrySet()) {
        Integer index = feature.get(term.getKey());
        if (index != null) {
          double value = (1 + Math.log(term.getValue())) * idf[index];
          row.add(new FeatureNode(index, value));
          norm += value * value;
        }
      }
      double length = Math.sqrt(norm);
      row.sort(Comparator.comparingInt(FeatureNode::getIndex));
      row.forEach(f -> f.setValue(length == 0 ? 0 : f.getValue() / length));
      vectors[d] = row.toArray(Feature[]::new);
      counts.set(d, null);
    }
    return vectors;
  }

  private static List<Doc> read(Path corpus) throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    List<Doc> docs = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode record = json.readTree(line);
        List<String> authors = new ArrayList<>();
        for (JsonNode parsed : record.path("authors_parsed")) {
          authors.add(parsed.path(0).asString("").strip() + ", " + parsed.path(1).asString("").strip());
        }
        JsonNode versions = record.path("versions");
        String created =
            versions.isEmpty()
                ? record.path("update_date").asString("")
                : java.time.ZonedDateTime.parse(
                        versions.get(0).path("created").asString(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .toString();
        docs.add(
            new Doc(
                record.path("id").asString(),
                record.path("title").asString(""),
                record.path("abstract").asString(""),
                authors,
                created));
      }
    }
    return docs;
  }
}
