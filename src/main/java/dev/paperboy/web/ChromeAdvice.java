package dev.paperboy.web;

import dev.paperboy.demo.DemoProgress;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts the page frame's state into every page's model, and turns missing pages into the 404 page.
 */
@ControllerAdvice(basePackageClasses = ChromeAdvice.class)
class ChromeAdvice {
  private final DemoProgress demo;
  private final ErrorPages errors;

  ChromeAdvice(DemoProgress demo, ErrorPages errors) {
    this.demo = demo;
    this.errors = errors;
  }

  @ExceptionHandler(PageNotFound.class)
  ModelAndView notFound(PageNotFound e) {
    return errors.page(404, "Page not found", e.getMessage());
  }

  @ModelAttribute("chrome")
  Chrome chrome() {
    return new Chrome(null, demo.status());
  }
}
