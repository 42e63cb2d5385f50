package dev.paperboy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request body caps, enforced before anything reads a body (docs/reliability.md API-1): a form post
 * (a comment, a pasted library) up to 1 MiB, any other body (JSON) up to 64 KiB. A declared length
 * over the cap is refused at once; a chunked body is read up to the cap and no further, so the
 * parser is never handed more. Browsers always declare a form's length, so a chunked form is
 * refused with 411 rather than buffered: the servlet container parses forms from its own stream.
 */
final class BodyLimits extends OncePerRequestFilter {
  static final int FORM_BYTES = 1024 * 1024;
  static final int OTHER_BYTES = 64 * 1024;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    boolean chunked = request.getHeader("Transfer-Encoding") != null;
    if (declared < 0 && !chunked) {
      chain.doFilter(request, response); // no body
      return;
    }
    boolean form = isForm(request.getContentType());
    int cap = form ? FORM_BYTES : OTHER_BYTES;
    if (declared > cap) {
      tooLarge(response, cap);
      return;
    }
    if (declared >= 0) {
      chain.doFilter(request, response); // the container reads no more than the declared length
      return;
    }
    if (form) {
      plain(response, 411, "Send a form with its Content-Length.");
      return;
    }
    byte[] body = request.getInputStream().readNBytes(cap + 1);
    if (body.length > cap) {
      tooLarge(response, cap);
      return;
    }
    chain.doFilter(new Buffered(request, body), response);
  }

  static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("application/x-www-form-urlencoded")
        || type.startsWith("multipart/form-data");
  }

  private static void tooLarge(HttpServletResponse response, int cap) throws IOException {
    response.setHeader("Connection", "close"); // the rest of a large body is not worth reading
    plain(response, 413, "The request is too large: at most " + cap / 1024 + " KiB.");
  }

  private static void plain(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** A chunked body, read whole within the cap, handed on as if it had been sent with a length. */
  private static final class Buffered extends HttpServletRequestWrapper {
    private final byte[] body;

    Buffered(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
