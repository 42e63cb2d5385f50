package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends mail over SMTP when {@code PAPERBOY_SMTP_HOST} is set. Without it (a laptop trying Paperboy
 * out) each mail is written to the log instead, links included, so sign-up still works.
 */
@Service
public class Mailer {
  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final MailSettings settings;

  private final boolean configured;

  Mailer(
      ObjectProvider<JavaMailSender> sender,
      MailSettings settings,
      @Value("${spring.mail.host:}") String host) {
    this.sender = sender;
    this.settings = settings;
    this.configured = !host.isBlank();
  }

  /** Whether mail leaves this site: false without SMTP, when {@link #send} writes it to the log. */
  public boolean delivers() {
    return configured && sender.getIfAvailable() != null;
  }

  /**
   * Sends the mail now. A failure is logged, not thrown: the person asking gets the same answer
   * either way (they can ask again), and the caller's stored changes stand.
   *
   * @return whether the mail left (or was logged, without SMTP)
   */
  public boolean send(Mail mail) {
    JavaMailSender smtp = configured ? sender.getIfAvailable() : null;
    if (smtp == null) {
      log.info(
          "SMTP is not configured (PAPERBOY_SMTP_HOST); this mail is not sent:\nTo: {}\nSubject: {}"
              + "\n\n{}",
          mail.to(),
          mail.subject(),
          mail.text());
      return true;
    }
    try {
      MimeMessage message = smtp.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(InternetAddress.parse(settings.from(), true)[0]);
      helper.setTo(new InternetAddress(mail.to(), true));
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), false);
      smtp.send(message);
      return true;
    } catch (MessagingException | MailException e) {
      log.warn("Mail to {} not sent: {}", mail.to(), e.getMessage());
      return false;
    }
  }
}
