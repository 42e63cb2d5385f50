package dev.paperboy.api;

import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.paper.PaperNotFound;
import dev.paperboy.rules.Refusal;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

  /** A body that is not the JSON the call takes (broken, or of the wrong shape). */
  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ProblemDetail unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
    return problem(
        HttpStatus.BAD_REQUEST, "Bad request", "The request body is not the JSON this call takes.");
  }

  /** A refusal of the rules, with its status; a 429 says when to try again. */
  @ExceptionHandler(Refusal.class)
  ResponseEntity<ProblemDetail> refused(Refusal e) {
    HttpStatus status = HttpStatus.valueOf(e.kind().status());
    ProblemDetail problem = problem(status, status.getReasonPhrase(), e.getMessage());
    if (e.field() != null) {
      problem.setProperty("field", e.field());
    }
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
    if (e.kind() == Refusal.Kind.TOO_MANY) {
      answer.header("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
    return answer
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    return problem;
  }
}
