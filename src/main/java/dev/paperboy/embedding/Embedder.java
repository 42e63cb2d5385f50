package dev.paperboy.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.paperboy.paper.Paper;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The sentence-embedding model: all-MiniLM-L6-v2 (Apache 2.0), quantized to int8 ONNX, which
 * travels inside LangChain4j's Maven artifact and runs in this process on the CPU; nothing is
 * downloaded. It is loaded on first use, so that commands and a start that need no vector do not
 * pay for it.
 */
@Component
public class Embedder {
  /** The model's name, stored with each vector: vectors of another model are never compared. */
  public static final String MODEL = "all-MiniLM-L6-v2-q";

  public static final int DIMENSIONS = 384;

  /**
   * How much of an abstract is embedded: the model reads 256 word pieces at most, about 1,200
   * characters of English after the title; longer text would only be cut by the tokenizer.
   */
  private static final int ABSTRACT_CHARS = 1_200;

  private volatile @Nullable EmbeddingModel model;

  /** The text a paper is embedded from: its title and the start of its abstract. */
  public static String text(Paper paper) {
    String abstractText = paper.abstractText();
    return paper.title()
        + "\n"
        + (abstractText.length() > ABSTRACT_CHARS
            ? abstractText.substring(0, ABSTRACT_CHARS)
            : abstractText);
  }

  /** One vector of length 1 for each text, in order. */
  public List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    return model().embedAll(segments).content().stream().map(Embedding::vector).toList();
  }

  public float[] embed(String text) {
    return model().embed(text).content().vector();
  }

  private EmbeddingModel model() {
    EmbeddingModel loaded = model;
    if (loaded == null) {
      synchronized (this) {
        loaded = model;
        if (loaded == null) {
          // One thread: the vectors job runs beside the server on few cores, and batches of
          // papers keep the model busy enough without splitting one batch across threads.
          loaded = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
          model = loaded;
        }
      }
    }
    return loaded;
  }
}
