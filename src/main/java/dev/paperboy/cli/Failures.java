package dev.paperboy.cli;

/** Finds the sentence that explains a failure, under Spring's wrapping exceptions. */
final class Failures {
  private Failures() {}

  static String explain(Throwable failure) {
    Throwable cause = failure;
    Throwable explained = failure;
    while (cause != null) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        explained = cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
      cause = cause.getCause();
    }
    String message = explained.getMessage();
    return message == null ? explained.getClass().getSimpleName() : message;
  }
}
