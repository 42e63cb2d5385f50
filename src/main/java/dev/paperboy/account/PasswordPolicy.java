package dev.paperboy.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * docs/reliability.md AUTH-2: at least 8 characters, at most 256, and never more than 1,024 bytes
 * (so a huge password is refused before it reaches the hash); no composition rules; not one of the
 * 3,000 most common passwords. The list is the head of the frequency-ranked password dictionary
 * that ships with the nbvcxz library.
 */
@Component
public class PasswordPolicy {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 256;
  public static final int MAX_BYTES = 1_024;
  static final int COMMON = 3_000;
  private static final String DICTIONARY = "/dictionaries/passwords.txt";

  private final Set<String> common;

  PasswordPolicy() {
    this.common = loadCommon();
  }

  /** What is wrong with the password, or null when it is acceptable. */
  public @Nullable String problem(@Nullable String password) {
    if (password == null || password.isEmpty()) {
      return "Choose a password.";
    }
    if (tooLarge(password)) {
      return "A password can be at most " + MAX_LENGTH + " characters long.";
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return "Use at least " + MIN_LENGTH + " characters (15 or more is better).";
    }
    if (length > MAX_LENGTH) {
      return "A password can be at most " + MAX_LENGTH + " characters long.";
    }
    if (password.indexOf('\0') >= 0) {
      return "A password cannot contain a NUL character.";
    }
    if (password.isBlank()) {
      return "A password cannot be only spaces.";
    }
    if (common.contains(password.toLowerCase(Locale.ROOT))) {
      return "That password is one of the most common ones; choose another.";
    }
    return null;
  }

  /** Over the byte cap: checked before anything else touches the password. */
  public static boolean tooLarge(String password) {
    // A char is at most 3 UTF-8 bytes; only measure when that bound could exceed the cap.
    return password.length() > MAX_BYTES
        || (password.length() * 3 > MAX_BYTES
            && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES);
  }

  private static Set<String> loadCommon() {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(DICTIONARY)) {
      if (in == null) {
        throw new IllegalStateException("the common-password list " + DICTIONARY + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while (words.size() < COMMON && (line = reader.readLine()) != null) {
        words.add(line.strip().toLowerCase(Locale.ROOT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
