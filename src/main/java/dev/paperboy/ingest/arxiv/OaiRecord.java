package dev.paperboy.ingest.arxiv;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One OAI-PMH record as it is on the wire: the header and, unless deleted, the metadata's leaf
 * fields by element name, with the two structured parts arXiv's formats have.
 *
 * @param format the metadata element: {@code arXiv}, {@code arXivRaw} or {@code dc}; null when
 *     deleted
 * @param fields leaf element texts by local name, in document order
 * @param authors {@code arXiv} format: author name parts
 * @param versions {@code arXivRaw} format: the version history
 */
public record OaiRecord(
    String identifier,
    String datestamp,
    List<String> sets,
    boolean deleted,
    @Nullable String format,
    Map<String, List<String>> fields,
    List<Author> authors,
    List<Version> versions) {

  public record Author(String keyname, @Nullable String forenames, @Nullable String suffix) {}

  public record Version(String version, String date) {}

  public @Nullable String field(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public List<String> all(String name) {
    return fields.getOrDefault(name, List.of());
  }
}
