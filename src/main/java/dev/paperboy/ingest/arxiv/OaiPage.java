package dev.paperboy.ingest.arxiv;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One OAI-PMH response.
 *
 * @param responseDate the server's time of the response, as sent
 * @param errorCode an OAI error ({@code noRecordsMatch}, {@code badResumptionToken}, …) or null
 * @param resumptionToken the token of the next page; null or empty when the list is complete
 */
public record OaiPage(
    String responseDate,
    @Nullable String errorCode,
    @Nullable String errorMessage,
    List<OaiRecord> records,
    @Nullable String resumptionToken,
    @Nullable Long completeListSize,
    @Nullable Long cursor) {

  public boolean complete() {
    return resumptionToken == null || resumptionToken.isBlank();
  }
}
