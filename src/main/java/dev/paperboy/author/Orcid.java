package dev.paperboy.author;

import dev.paperboy.rules.Refusal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** ORCID iDs: sixteen characters in four groups, the last a check digit (ISO 7064 11,2). */
final class Orcid {
  private static final Pattern FORM =
      Pattern.compile(
          "(?i)(?:https?://(?:www\\.)?orcid\\.org/)?(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX])");

  private Orcid() {}

  /**
   * The iD in its bare form, or null for none given.
   *
   * @throws Refusal INVALID for text that is not an ORCID iD or whose check digit is wrong
   */
  static @Nullable String parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Matcher matcher = FORM.matcher(text.strip());
    if (!matcher.matches()) {
      throw Refusal.field("orcid", "An ORCID iD looks like 0000-0002-1825-0097.");
    }
    String id = matcher.group(1).toUpperCase(Locale.ROOT);
    String digits = id.replace("-", "");
    int total = 0;
    for (int i = 0; i < 15; i++) {
      total = (total + (digits.charAt(i) - '0')) * 2;
    }
    int check = (12 - total % 11) % 11;
    char expected = check == 10 ? 'X' : (char) ('0' + check);
    if (digits.charAt(15) != expected) {
      throw Refusal.field("orcid", "That ORCID iD's check digit is wrong; copy it from orcid.org.");
    }
    return id;
  }
}
