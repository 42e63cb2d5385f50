package dev.paperboy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives the templates a buffered writer. Spring Session and Spring Security each wrap the response
 * writer to watch every write for the moment the response commits; a page template writes thousands
 * of small strings, and those checks cost the daily page a third of its throughput (measured with
 * wrk, docs/benchmarks.md). Buffering here, inside their wrappers, hands them a few 8 KB writes
 * instead. Runs after them, so it sees their wrapped response.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class BufferedWriter extends OncePerRequestFilter {
  private static final int BUFFER = 8 * 1024;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Buffered buffered = new Buffered(response);
    try {
      chain.doFilter(request, buffered);
    } finally {
      buffered.flushWriter();
    }
  }

  private static final class Buffered extends HttpServletResponseWrapper {
    private @Nullable PrintWriter writer;

    Buffered(HttpServletResponse response) {
      super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer = new PrintWriter(new java.io.BufferedWriter(super.getWriter(), BUFFER), false);
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      flushWriter();
      super.flushBuffer();
    }

    void flushWriter() {
      if (writer != null) {
        writer.flush();
      }
    }
  }
}
