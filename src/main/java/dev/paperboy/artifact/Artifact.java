package dev.paperboy.artifact;

import java.util.Locale;

/**
 * One link from a paper to something it made.
 *
 * @param url where the link goes, always {@code http} or {@code https}
 * @param name how a page names it: the host and the path that identifies it, without the scheme
 *     ({@code github.com/owner/repo})
 */
public record Artifact(Kind kind, String url, String name) {
  public Artifact {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      throw new IllegalArgumentException("an artifact link is http or https: " + url);
    }
  }

  /** What the link is, in the order a page lists them. */
  public enum Kind {
    CODE("Code"),
    MODEL("Model"),
    DATASET("Dataset"),
    SPACE("Demo"),
    PROJECT_PAGE("Project page");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The kind as a reader sees it on a badge. */
    public String label() {
      return label;
    }
  }
}
