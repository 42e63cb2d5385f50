package dev.paperboy.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server (GreenMail) on a free loopback port, one per test JVM, that the site under
 * test sends its mail to.
 */
public final class Mailbox {
  private static GreenMail server;

  private Mailbox() {}

  static synchronized GreenMail server() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
    return server;
  }

  /** Every mail received for the address, oldest first. */
  public static List<MimeMessage> to(String address) {
    return Arrays.stream(server().getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** Every mail received, oldest first. */
  public static List<MimeMessage> all() {
    return Arrays.asList(server().getReceivedMessages());
  }

  public static int port() {
    return server().getSmtp().getPort();
  }

  /**
   * The body as text. Quoted-printable soft breaks and {@code =3D} are undone, but only where the
   * mail may be quoted-printable: a plain 7bit mail is left as sent, or a token that starts with
   * "3D" would lose those two characters (1 verification mail in 4,096 did).
   */
  public static String body(MimeMessage message) {
    String raw = GreenMailUtil.getBody(message);
    String encoding;
    try {
      encoding = message.getEncoding();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
    if ("7bit".equalsIgnoreCase(encoding) || "8bit".equalsIgnoreCase(encoding)) {
      return raw;
    }
    return raw.replace("=\r\n", "").replace("=3D", "=");
  }

  /** The path and query of the last link to {@code path} mailed to the address. */
  public static String lastLink(String address, String path) {
    List<MimeMessage> mails = to(address);
    if (mails.isEmpty()) {
      throw new AssertionError("no mail to " + address);
    }
    Matcher link =
        Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]+)")
            .matcher(body(mails.get(mails.size() - 1)));
    if (!link.find()) {
      throw new AssertionError("no " + path + " link in the last mail to " + address);
    }
    return link.group(1);
  }

  /** Points the site's mail at the test server. */
  public static class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "spring.mail.host=127.0.0.1",
              "spring.mail.port=" + server().getSmtp().getPort(),
              "spring.mail.properties.mail.smtp.starttls.enable=false")
          .applyTo(context);
    }
  }
}
