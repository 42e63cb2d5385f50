package dev.paperboy.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP relay digests go through (the {@code spring.mail.*} / {@code PAPERBOY_SMTP_*} setup),
 * one kept-open connection per sending thread, and what its answers mean (MAIL-2).
 */
@Component
class SmtpRelay {
  /** An enhanced status code (RFC 3463) in a reply: 5.1.1 is "no such mailbox". */
  private static final Pattern ENHANCED =
      Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

  private final ObjectProvider<JavaMailSender> senders;
  private final DigestSettings settings;
  private final Clock clock;
  private final boolean configured;

  SmtpRelay(
      ObjectProvider<JavaMailSender> senders,
      DigestSettings settings,
      Clock clock,
      @Value("${spring.mail.host:}") String host) {
    this.senders = senders;
    this.settings = settings;
    this.clock = clock;
    this.configured = !host.isBlank();
  }

  boolean configured() {
    return configured && senders.getIfAvailable() instanceof JavaMailSenderImpl;
  }

  Connection connection() {
    if (!(senders.getIfAvailable() instanceof JavaMailSenderImpl sender) || !configured) {
      throw new IllegalStateException("SMTP is not configured (PAPERBOY_SMTP_HOST)");
    }
    return new Connection(sender);
  }

  private final Map<JavaMailSenderImpl, Session> sessions = new ConcurrentHashMap<>();

  /**
   * The relay's session with one change: sockets without Nagle's delay. SMTP is a conversation of
   * small writes each waiting for a reply; with Nagle on, the end of each message waited for the
   * relay's delayed acknowledgement (40 ms on Linux), which held a connection to about 20 messages
   * a second.
   */
  private static Session session(JavaMailSenderImpl sender) {
    Properties properties = new Properties();
    properties.putAll(sender.getJavaMailProperties());
    properties.put("mail.smtp.socketFactory", NoDelaySockets.INSTANCE);
    return Session.getInstance(properties);
  }

  /** Plain sockets with TCP_NODELAY. */
  private static final class NoDelaySockets extends SocketFactory {
    static final NoDelaySockets INSTANCE = new NoDelaySockets();

    @Override
    public Socket createSocket() throws IOException {
      Socket socket = new Socket();
      socket.setTcpNoDelay(true);
      return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort)
        throws IOException {
      Socket socket = createSocket();
      socket.bind(new InetSocketAddress(local, localPort));
      socket.connect(new InetSocketAddress(host, port));
      return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
        throws IOException {
      Socket socket = createSocket();
      socket.bind(new InetSocketAddress(local, localPort));
      socket.connect(new InetSocketAddress(host, port));
      return socket;
    }

    private Socket connected(InetSocketAddress address) throws IOException {
      Socket socket = createSocket();
      socket.connect(address);
      return socket;
    }
  }

  /** What became of one message. */
  enum Outcome {
    SENT,
    /** 4xx, a dropped connection, a timeout: try again later. */
    TRANSIENT,
    /** 5xx for this recipient: give up on this message. */
    PERMANENT,
    /** 5.1.1 or 5.1.10, the mailbox does not exist: give up and suppress the address. */
    HARD_BOUNCE
  }

  record Result(Outcome outcome, String detail) {}

  /**
   * One SMTP connection, opened when first needed, reopened after a failure, and closed when it has
   * been idle longer than the relay keeps connections (the relay would drop it anyway).
   */
  final class Connection implements AutoCloseable {
    private final JavaMailSenderImpl sender;
    private @Nullable Transport transport;
    private Instant lastUsed = Instant.EPOCH;

    private Connection(JavaMailSenderImpl sender) {
      this.sender = sender;
    }

    Session session() {
      return sessions.computeIfAbsent(sender, SmtpRelay::session);
    }

    Result send(MimeMessage message) {
      try {
        Transport open = open();
        open.sendMessage(message, message.getAllRecipients());
        lastUsed = clock.instant();
        return new Result(Outcome.SENT, "250");
      } catch (MessagingException e) {
        Result result = classify(e);
        if (result.outcome() == Outcome.TRANSIENT) {
          // The connection may be gone or in an unknown state: start afresh next time.
          close();
        }
        return result;
      }
    }

    private Transport open() throws MessagingException {
      if (transport != null
          && (!transport.isConnected()
              || lastUsed.plus(settings.idle()).isBefore(clock.instant()))) {
        close();
      }
      if (transport == null) {
        Transport fresh = session().getTransport(sender.getProtocol());
        // An empty user (PAPERBOY_SMTP_USER unset) means no authentication, as Spring takes it.
        String user = blankToNull(sender.getUsername());
        fresh.connect(
            sender.getHost(),
            sender.getPort(),
            user,
            user == null ? null : blankToNull(sender.getPassword()));
        transport = fresh;
      }
      return transport;
    }

    @Override
    public void close() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException e) {
          // Closing a broken connection: nothing to do about it.
        }
        transport = null;
      }
    }
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /** What an SMTP failure means for the message (MAIL-2). */
  static Result classify(MessagingException e) {
    int code = -1;
    String text = String.valueOf(e.getMessage());
    for (Exception cause = e; cause != null; ) {
      if (cause instanceof SMTPAddressFailedException failed) {
        code = failed.getReturnCode();
        text = String.valueOf(failed.getMessage());
        break;
      }
      if (cause instanceof SMTPSendFailedException failed) {
        code = failed.getReturnCode();
        text = String.valueOf(failed.getMessage());
      }
      if (cause instanceof SMTPSenderFailedException failed) {
        code = failed.getReturnCode();
        text = String.valueOf(failed.getMessage());
      }
      cause = cause instanceof MessagingException m ? m.getNextException() : null;
    }
    // The root cause says what happened to the connection: "Read timed out", "Connection reset".
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String detail =
        (root == e || root.getMessage() == null ? text : text + ": " + root.getMessage())
            .strip()
            .replaceAll("\\s+", " ");
    if (code >= 500 && code < 600) {
      Matcher enhanced = ENHANCED.matcher(text);
      if (enhanced.find()
          && enhanced.group(1).equals("5")
          && enhanced.group(2).equals("1")
          && (enhanced.group(3).equals("1") || enhanced.group(3).equals("10"))) {
        return new Result(Outcome.HARD_BOUNCE, detail);
      }
      return new Result(Outcome.PERMANENT, detail);
    }
    if (code >= 400 && code < 500) {
      return new Result(Outcome.TRANSIENT, detail);
    }
    if (e instanceof SendFailedException failed
        && failed.getInvalidAddresses() != null
        && failed.getInvalidAddresses().length > 0) {
      // The address itself was refused before any reply code reached us.
      return new Result(Outcome.PERMANENT, detail);
    }
    // No reply code: the connection dropped, timed out or was never made.
    return new Result(Outcome.TRANSIENT, detail);
  }
}
