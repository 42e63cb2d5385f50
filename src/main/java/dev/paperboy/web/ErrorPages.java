package dev.paperboy.web;

import dev.paperboy.demo.DemoProgress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Renders HTML errors as a page a person understands, never a stack trace. */
@Component
class ErrorPages implements ErrorViewResolver {
  private final DemoProgress demo;

  ErrorPages(DemoProgress demo) {
    this.demo = demo;
  }

  @Override
  public ModelAndView resolveErrorView(
      HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    String heading;
    String text;
    if (status == HttpStatus.NOT_FOUND) {
      heading = "Page not found";
      text =
          "There is nothing at this address. The daily list and the newest papers are linked"
              + " above.";
    } else if (status.is4xxClientError()) {
      heading = status.getReasonPhrase();
      text = "The request could not be understood (" + status.value() + ").";
    } else {
      heading = "Something went wrong";
      text = "Paperboy could not answer this request. Please try again in a moment.";
    }
    return page(status.value(), heading, text);
  }

  ModelAndView page(int status, String heading, String text) {
    return new ModelAndView(
        "error",
        Map.of(
            "page", new ErrorPage(status, heading, text),
            "chrome", new Chrome(null, demo.status())),
        HttpStatusCode.valueOf(status));
  }
}
