package dev.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OAI-PMH pages cut from the recorded real arXivRaw response, with tokens of our choosing. */
final class OaiPages {
  private static final Pattern RECORD = Pattern.compile("<record>.*?</record>", Pattern.DOTALL);
  private static final Pattern ID =
      Pattern.compile("<identifier>oai:arXiv.org:([^<]+)</identifier>");

  private OaiPages() {}

  /** The six real records of the recorded arXivRaw ListRecords response. */
  static List<String> records() throws IOException {
    String xml;
    try (InputStream in =
        OaiPages.class.getResourceAsStream(
            "/arxiv/oai-pmh/mikesaelim-arXivRaw-ListRecordsResponse.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> records = new ArrayList<>();
    Matcher matcher = RECORD.matcher(xml);
    while (matcher.find()) {
      records.add(matcher.group());
    }
    return records;
  }

  static String idOf(String record) {
    Matcher matcher = ID.matcher(record);
    if (!matcher.find()) {
      throw new IllegalArgumentException("no identifier in " + record);
    }
    return matcher.group(1);
  }

  /** A ListRecords page; an empty token ends the list. */
  static String page(List<String> records, String token, long completeListSize) {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n")
        .append("<responseDate>2026-11-26T20:00:00Z</responseDate>\n")
        .append(
            "<request verb=\"ListRecords\">http://export.arxiv.org/oai2</request>\n<ListRecords>\n");
    records.forEach(r -> xml.append(r).append('\n'));
    xml.append("<resumptionToken completeListSize=\"")
        .append(completeListSize)
        .append("\" cursor=\"0\">")
        .append(token)
        .append("</resumptionToken>\n</ListRecords>\n</OAI-PMH>\n");
    return xml.toString();
  }

  static String error(String code) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
        + "<responseDate>2026-11-26T20:00:05Z</responseDate><request verb=\"ListRecords\">x</request>"
        + "<error code=\""
        + code
        + "\">scripted "
        + code
        + "</error></OAI-PMH>";
  }

  static String deleted(String id) {
    return "<record><header status=\"deleted\"><identifier>oai:arXiv.org:"
        + id
        + "</identifier><datestamp>2026-11-26</datestamp></header></record>";
  }
}
