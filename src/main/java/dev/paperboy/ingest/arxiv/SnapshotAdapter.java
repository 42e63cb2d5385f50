package dev.paperboy.ingest.arxiv;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import dev.paperboy.paper.TexAccents;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Maps a {@link SnapshotRecord} to a {@link Paper}, or says why it cannot. */
public final class SnapshotAdapter {
  private static final Pattern AUTHOR_SEPARATOR = Pattern.compile(",\\s*(?:and\\s+)?|\\s+and\\s+");

  private SnapshotAdapter() {}

  /**
   * @throws InvalidRecord when the id, title or versions are missing or malformed
   */
  public static Paper toPaper(SnapshotRecord record) {
    if (record.id() == null || record.id().isBlank()) {
      throw new InvalidRecord("missing id");
    }
    ArxivId id;
    try {
      id = ArxivId.parse(record.id());
    } catch (InvalidArxivId e) {
      throw new InvalidRecord("invalid id: " + e.getMessage());
    }
    if (id.hasVersion()) {
      throw new InvalidRecord("invalid id: '" + record.id() + "' carries a version");
    }
    String title = ArxivText.fold(record.title());
    if (title.isEmpty()) {
      throw new InvalidRecord("missing title");
    }
    return new Paper(
        id,
        title,
        ArxivText.abstractParagraphs(record.abstractText()),
        authors(record),
        categories(record.categories()),
        ArxivText.foldOrNull(record.comments()),
        ArxivText.foldOrNull(record.journalRef()),
        ArxivText.foldOrNull(record.doi()),
        ArxivText.foldOrNull(record.license()),
        ArxivText.foldOrNull(record.reportNo()),
        ArxivText.foldOrNull(record.submitter()),
        versions(record.versions()),
        updateDate(record.updateDate()));
  }

  private static List<String> authors(SnapshotRecord record) {
    List<String> names = new ArrayList<>();
    if (record.authorsParsed() != null && !record.authorsParsed().isEmpty()) {
      for (List<String> parts : record.authorsParsed()) {
        if (parts == null || parts.isEmpty()) {
          continue;
        }
        // [last, first, suffix]: shown as "first last suffix".
        String last = parts.get(0);
        String first = parts.size() > 1 ? parts.get(1) : "";
        String suffix = parts.size() > 2 ? parts.get(2) : "";
        String name = ArxivText.name(first + " " + last + " " + suffix);
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
      return names;
    }
    for (String name : AUTHOR_SEPARATOR.split(ArxivText.fold(record.authors()))) {
      if (!name.isBlank()) {
        names.add(TexAccents.decode(name.strip()));
      }
    }
    return names;
  }

  private static List<String> categories(@Nullable String categories) {
    String folded = ArxivText.fold(categories);
    return folded.isEmpty() ? List.of() : Arrays.stream(folded.split(" ")).distinct().toList();
  }

  private static List<PaperVersion> versions(@Nullable List<SnapshotRecord.Version> versions) {
    if (versions == null || versions.isEmpty()) {
      throw new InvalidRecord("no versions");
    }
    List<PaperVersion> result = new ArrayList<>(versions.size());
    for (SnapshotRecord.Version version : versions) {
      if (version == null || version.version() == null || version.created() == null) {
        throw new InvalidRecord("a version without number or date");
      }
      int number;
      try {
        number = Integer.parseInt(version.version().strip().replaceFirst("^v", ""));
      } catch (NumberFormatException e) {
        throw new InvalidRecord("version '" + version.version() + "' is not vN");
      }
      if (number < 1) {
        throw new InvalidRecord("version '" + version.version() + "' is not vN");
      }
      result.add(new PaperVersion(number, created(version.created())));
    }
    return result;
  }

  private static Instant created(String created) {
    try {
      return ZonedDateTime.parse(created.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRecord("version date '" + created + "' is not an RFC 1123 date");
    }
  }

  private static @Nullable LocalDate updateDate(@Nullable String updateDate) {
    if (updateDate == null || updateDate.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(updateDate.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRecord("update_date '" + updateDate + "' is not YYYY-MM-DD");
    }
  }
}
