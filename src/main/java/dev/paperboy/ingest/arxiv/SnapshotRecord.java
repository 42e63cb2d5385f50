package dev.paperboy.ingest.arxiv;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of the arXiv metadata snapshot (the Kaggle "arxiv-metadata-oai-snapshot.json" schema),
 * exactly as it is on the wire. {@link SnapshotAdapter} is the only reader.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SnapshotRecord(
    @Nullable String id,
    @Nullable String submitter,
    @Nullable String authors,
    @Nullable String title,
    @Nullable String comments,
    @JsonProperty("journal-ref") @Nullable String journalRef,
    @Nullable String doi,
    @JsonProperty("report-no") @Nullable String reportNo,
    @Nullable String categories,
    @Nullable String license,
    @JsonProperty("abstract") @Nullable String abstractText,
    @Nullable List<Version> versions,
    @JsonProperty("update_date") @Nullable String updateDate,
    @JsonProperty("authors_parsed") @Nullable List<List<String>> authorsParsed) {

  /** A version entry: {@code {"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Version(@Nullable String version, @Nullable String created) {}
}
