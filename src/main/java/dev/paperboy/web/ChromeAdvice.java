package dev.paperboy.web;

import dev.paperboy.demo.DemoProgress;
import dev.paperboy.rules.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

  /** A refused request: its status and message; anonymous visitors are sent to sign in. */
  @ExceptionHandler(Refusal.class)
  Object refused(Refusal e, HttpServletRequest request, HttpServletResponse response) {
    if (e.kind() == Refusal.Kind.NOT_SIGNED_IN) {
      String back = "GET".equals(request.getMethod()) ? request.getRequestURI() : "/";
      return new ModelAndView("redirect:/login?next=" + back);
    }
    RefusalAnswers.status(response, e);
    String heading =
        switch (e.kind()) {
          case FORBIDDEN -> "Not allowed";
          case TOO_MANY -> "Slow down";
          case NOT_FOUND -> "Not found";
          case UNAVAILABLE -> "Try again later";
          default -> "That did not work";
        };
    return errors.page(e.kind().status(), heading, e.getMessage());
  }

  @ModelAttribute("chrome")
  Chrome chrome() {
    return new Chrome(null, demo.status());
  }
}
