package dev.paperboy.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where to go after signing in: only a path on this site (docs/reliability.md AUTH-6). Anything
 * that a browser could read as another origin ({@code //evil}, {@code /\evil}, {@code
 * https://evil}, or the same percent-encoded) lands on the home page.
 */
final class SafeRedirect {
  private static final Pattern SAFE =
      Pattern.compile("/(?:[A-Za-z0-9._~!$&'()*+,;=:@%/?-][^\\s\\\\]*)?");

  private SafeRedirect() {}

  static String path(@Nullable String next) {
    if (next == null || next.isEmpty() || next.length() > 2_000) {
      return "/";
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(next, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "/";
    }
    for (String candidate : new String[] {next, decoded}) {
      if (!SAFE.matcher(candidate).matches()
          || candidate.startsWith("//")
          || candidate.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        return "/";
      }
    }
    return next;
  }
}
