package dev.paperboy.api;

/** A request parameter the API cannot use; the message says which and why. */
class BadApiRequest extends RuntimeException {
  BadApiRequest(String message) {
    super(message);
  }
}
