package dev.paperboy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Date-times on the wire as {@code YYYY-MM-DDTHH:MM:SS.sssZ}: UTC, a literal Z, seconds always
 * present, which is what strict clients of the Hugging Face API parse.
 */
final class ApiTimes {
  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ApiTimes() {}

  static String of(Instant instant) {
    return WIRE.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /** A list day, written as midnight UTC of that date as Hugging Face does. */
  static String of(LocalDate day) {
    return of(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
