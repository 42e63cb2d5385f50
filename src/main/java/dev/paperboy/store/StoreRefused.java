package dev.paperboy.store;

/** The store is configured or found in a state Paperboy must not start on; the message says why. */
public class StoreRefused extends RuntimeException {
  public StoreRefused(String message) {
    super(message);
  }
}
