package dev.paperboy.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plain HTTP/1.1 from a chosen loopback address (127.0.0.2, 127.0.0.3 …): a reverse proxy, or a
 * client that is not one, as the server sees them. The JDK's client cannot pick its source address,
 * hence the socket. One request per connection; cookies kept by hand.
 */
public final class BoundClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final InetAddress from;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public BoundClient(String fromAddress) {
    try {
      this.from = InetAddress.getByName(fromAddress);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public record Response(int status, String head, String body) {}

  public Response get(int port, String path, String... headers) {
    return send(port, "GET " + path, headers, null);
  }

  /** Posts a form with the CSRF token of the page at {@code formPage} on the same node. */
  public Response submit(
      int port, String formPage, String path, Map<String, String> form, String... headers) {
    Matcher token = CSRF.matcher(get(port, formPage, headers).body());
    if (!token.find()) {
      throw new AssertionError("no CSRF token on " + formPage);
    }
    Map<String, String> withToken = new LinkedHashMap<>(form);
    withToken.put("_csrf", token.group(1));
    String body =
        withToken.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(port, "POST " + path, headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
    int at = 0;
    while (true) {
      int eol = indexOf(chunked, crlf, at);
      String line = new String(chunked, at, eol - at, StandardCharsets.US_ASCII);
      int size = Integer.parseInt(line.split(";")[0].strip(), 16);
      if (size == 0) {
        return body.toByteArray();
      }
      body.write(chunked, eol + 2, size);
      at = eol + 2 + size + 2;
    }
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    for (int i = from; i + pattern.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i;
      }
    }
    return -1;
  }

  private Response send(int port, String requestLine, String[] headers, String body) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
      request.append("Host: 127.0.0.1:").append(port).append("\r\n");
      request.append("Connection: close\r\nAccept: text/html\r\n");
      for (int i = 0; i + 1 < headers.length; i += 2) {
        request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
      }
      if (!cookies.isEmpty()) {
        request.append("Cookie: ");
        request.append(
            cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
        request.append("\r\n");
      }
      byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (body != null) {
        request.append("Content-Type: application/x-www-form-urlencoded\r\n");
        request.append("Content-Length: ").append(payload.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.write(payload);
      out.flush();
      byte[] all = socket.getInputStream().readAllBytes();
      int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
      String head = new String(all, 0, split < 0 ? all.length : split, StandardCharsets.UTF_8);
      byte[] rest = split < 0 ? new byte[0] : Arrays.copyOfRange(all, split + 4, all.length);
      for (String line : head.split("\r\n")) {
        if (line.regionMatches(true, 0, "Set-Cookie:", 0, 11)) {
          String pair = line.substring(11).strip().split(";", 2)[0];
          int eq = pair.indexOf('=');
          cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
      int status = Integer.parseInt(head.split(" ", 3)[1]);
      boolean chunked = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
      return new Response(
          status, head, new String(chunked ? dechunk(rest) : rest, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
