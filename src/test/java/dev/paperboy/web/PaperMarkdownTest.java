package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Http;
import dev.paperboy.support.Site;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /papers/{id}.md} answers as huggingface.co does for its papers. */
@Site
class PaperMarkdownTest {
  @LocalServerPort int port;

  @Test
  void aListedPaperIsMarkdownWithItsTexKept() {
    HttpResponse<String> answer = Http.get(port, "/papers/2310.11366.md");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).contains("text/markdown;charset=UTF-8");
    assertThat(answer.body())
        .startsWith("# Lie Group Decompositions for Equivariant Neural Networks\n\n")
        .contains("**Authors:** Mircea Mironenco, Patrick Forré\n")
        .contains(
            "[2310.11366](https://arxiv.org/abs/2310.11366) · [PDF](https://arxiv.org/pdf/2310.11366)")
        .contains("**On the daily list of Mar 12, 2025**, submitted by AK · 0 upvotes · 0 comments")
        .contains("## Abstract\n\nInvariance and equivariance")
        .contains("$G = \\text{GL}^{+}(n, \\mathbb{R})$");
  }

  @Test
  void aVersionedIdAnswersThePaper() {
    assertThat(Http.get(port, "/papers/2310.11366v1.md").body())
        .startsWith("# Lie Group Decompositions");
  }

  @Test
  void anIdPaperboyDoesNotHoldIs404AndTheHtmlPageIsUntouched() {
    HttpResponse<String> unknown = Http.get(port, "/papers/2401.99999.md");
    HttpResponse<String> neverIssued = Http.get(port, "/papers/0000.00000.md");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("No paper 2401.99999 in this Paperboy.\n");
    assertThat(neverIssued.statusCode()).isEqualTo(404);
    assertThat(Http.get(port, "/papers/2310.11366").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
  }
}
