package dev.paperboy.recommend;

import java.util.Locale;

/** Something a member follows. */
public record Follow(Kind kind, String value) {
  public enum Kind {
    CATEGORY,
    AUTHOR,
    KEYWORD;

    /** The kind named in a form: "category", "author" or "keyword". */
    public static Kind of(String text) {
      return Kind.valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
