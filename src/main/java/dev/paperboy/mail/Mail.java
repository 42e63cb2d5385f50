package dev.paperboy.mail;

/**
 * A plain-text mail to one address. The subject is cleaned of line breaks (a header must never be
 * split by what it quotes) and kept to a readable length.
 */
public record Mail(String to, String subject, String text) {
  private static final int SUBJECT_MAX = 200;

  public Mail {
    subject = subject.replaceAll("[\\r\\n\\t\\x00-\\x1f\\x7f]+", " ").strip();
    if (subject.length() > SUBJECT_MAX) {
      subject = subject.substring(0, SUBJECT_MAX - 1) + "…";
    }
  }
}
