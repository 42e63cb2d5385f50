package dev.paperboy.demo;

import dev.paperboy.curation.AnyAgeSubmissions;
import dev.paperboy.paper.ArxivId;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On a data directory that got the demo, the demo corpus's papers may be submitted by any member
 * although they are years old: without this a newcomer could submit nothing (the corpus is from
 * 2016–2017 and arXiv look-ups need the network). Papers from anywhere else keep the submit window,
 * so a site that started from the demo and harvests arXiv keeps its rule for real papers.
 */
@Component
class DemoCorpusSubmissions implements AnyAgeSubmissions {
  private final DemoSettings settings;
  private final JdbcClient jdbc;
  private final ResourceLoader resources;
  private volatile Set<String> corpusIds;

  DemoCorpusSubmissions(DemoSettings settings, JdbcClient jdbc, ResourceLoader resources) {
    this.settings = settings;
    this.jdbc = jdbc;
    this.resources = resources;
  }

  @Override
  public boolean allows(ArxivId id) {
    return settings.enabled() && corpusLoadedHere() && corpusIds().contains(id.base());
  }

  private boolean corpusLoadedHere() {
    Optional<String> state =
        jdbc.sql("SELECT state FROM demo_loads WHERE name = 'corpus'")
            .query(String.class)
            .optional();
    return state.isPresent();
  }

  /** The corpus's ids, read once (10,133 lines, well under a second). */
  private Set<String> corpusIds() {
    Set<String> ids = corpusIds;
    if (ids == null) {
      ids = readIds();
      corpusIds = ids;
    }
    return ids;
  }

  private Set<String> readIds() {
    JsonMapper json = JsonMapper.builder().build();
    Set<String> ids = new HashSet<>();
    try (InputStream raw = resources.getResource(settings.corpus()).getInputStream();
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(gunzipped(raw), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode id = json.readTree(line).get("id");
        if (id != null) {
          ArxivId.tryParse(id.asString()).ifPresent(parsed -> ids.add(parsed.base()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo corpus " + settings.corpus(), e);
    }
    return Set.copyOf(ids);
  }

  /** The corpus ships gzipped; tests give a plain sample. Told apart by gzip's magic bytes. */
  private static InputStream gunzipped(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    return gzip ? new GZIPInputStream(in) : in;
  }
}
