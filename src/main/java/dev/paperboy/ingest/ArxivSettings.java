package dev.paperboy.ingest;

import dev.paperboy.paper.ArxivId;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Paperboy talks to arXiv. The interval can be raised but never set below arXiv's 3 s.
 *
 * @param contact the operator's contact (an email address) sent in the User-Agent; while empty, no
 *     scheduled harvest runs
 * @param oaiBaseUrl the OAI-PMH endpoint
 * @param apiBaseUrl the query API endpoint, for look-ups by id
 * @param rssBaseUrl the listing feeds' host
 * @param pdfBaseUrl where papers' PDFs are, for the thumbnails of listed papers
 * @param categories the followed categories: the listing read and the "New" page
 * @param interval the least time between two request starts, across all nodes
 * @param connectTimeout connection timeout
 * @param readTimeout the longest silence while reading an answer (arXiv has stalled ~183 s)
 * @param maxBodyBytes the largest answer accepted, compressed or not
 * @param maxAttempts attempts per request before giving up
 * @param maxBackoff the longest wait between attempts
 * @param scheduled whether {@code serve} runs the daily harvest and listing read (it also needs a
 *     contact)
 * @param schedule when, as a cron expression in US Eastern time
 * @param lease how long one node holds the daily run; a node that dies mid-run leaves it to the
 *     others once this has passed (the harvest resumes at its checkpoint)
 */
@Validated
@ConfigurationProperties("paperboy.arxiv")
public record ArxivSettings(
    @Nullable String contact,
    @NotNull @DefaultValue("https://oaipmh.arxiv.org/oai") URI oaiBaseUrl,
    @NotNull @DefaultValue("https://export.arxiv.org/api/query") URI apiBaseUrl,
    @NotNull @DefaultValue("https://rss.arxiv.org") URI rssBaseUrl,
    @NotNull @DefaultValue("https://arxiv.org/pdf") URI pdfBaseUrl,
    @NotNull @DefaultValue({"cs.LG", "cs.AI", "cs.CL", "cs.CV", "stat.ML"}) List<String> categories,
    @NotNull @DefaultValue("PT3S") Duration interval,
    @NotNull @DefaultValue("PT10S") Duration connectTimeout,
    @NotNull @DefaultValue("PT120S") Duration readTimeout,
    @Min(1024) @DefaultValue("52428800") long maxBodyBytes,
    @Min(1) @DefaultValue("8") int maxAttempts,
    @NotNull @DefaultValue("PT15M") Duration maxBackoff,
    @DefaultValue("true") boolean scheduled,
    @NotNull @DefaultValue("0 30 0 * * MON-FRI") String schedule,
    @NotNull @DefaultValue("PT6H") Duration lease) {

  /** arXiv's terms: at most one request every three seconds. */
  public static final Duration ARXIV_MINIMUM_INTERVAL = Duration.ofSeconds(3);

  @AssertTrue(message = "paperboy.arxiv.interval must be at least 3 s (arXiv's terms of use)")
  public boolean isIntervalPolite() {
    return interval.compareTo(ARXIV_MINIMUM_INTERVAL) >= 0;
  }

  @AssertTrue(message = "paperboy.arxiv.categories must be arXiv category codes such as cs.LG")
  public boolean isCategoriesValid() {
    return !categories.isEmpty()
        && categories.stream().allMatch(c -> c.matches("[a-z-]+(\\.[A-Za-z-]+)?"));
  }

  /** Where the PDF of a paper's latest version is. */
  public URI pdfUrl(ArxivId id) {
    return URI.create(pdfBaseUrl.toString().replaceAll("/+$", "") + "/" + id.base());
  }

  /** Whether an operator contact is set: without one Paperboy sends arXiv no scheduled request. */
  public boolean hasContact() {
    return contact != null && !contact.isBlank();
  }

  public String userAgent() {
    return "Paperboy/0.1 (+https://github.com/paperboy; "
        + (contact == null || contact.isBlank() ? "no contact configured" : "mailto:" + contact)
        + ")";
  }
}
