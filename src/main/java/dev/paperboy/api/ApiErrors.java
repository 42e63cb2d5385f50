package dev.paperboy.api;

import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.paper.PaperNotFound;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Domain errors become problem+json at the API's edge: a person-readable detail, no trace. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

  @ExceptionHandler(PaperNotFound.class)
  ProblemDetail notFound(PaperNotFound e) {
    return problem(HttpStatus.NOT_FOUND, "Paper not found", e.getMessage());
  }

  @ExceptionHandler(InvalidArxivId.class)
  ProblemDetail invalidId(InvalidArxivId e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid arXiv id", e.getMessage());
  }

  @ExceptionHandler(BadApiRequest.class)
  ProblemDetail badRequest(BadApiRequest e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Bad request",
        e.getName()
            + " must be a whole number, got '"
            + PapersApi.clip(String.valueOf(e.getValue()))
            + "'");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    return problem;
  }
}
