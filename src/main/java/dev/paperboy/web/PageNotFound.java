package dev.paperboy.web;

/** A page address that names nothing here; shown as the 404 page with this message. */
class PageNotFound extends RuntimeException {
  PageNotFound(String message) {
    super(message);
  }
}
