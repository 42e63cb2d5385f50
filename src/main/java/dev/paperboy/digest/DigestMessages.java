package dev.paperboy.digest;

import dev.paperboy.mail.Addresses;
import dev.paperboy.mail.MailSettings;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A digest as a MIME message: HTML with inline styles and no scripts, a plain-text part, the
 * one-click unsubscribe headers (RFC 8058, MAIL-5) and a fixed Message-ID. Every header value is
 * either ours or cleaned of line breaks and encoded (MAIL-8): Jakarta Mail folds and RFC 2047
 * encodes the subject; titles only appear in the body.
 */
@Component
class DigestMessages {
  private static final int SUBJECT_MAX = 200;

  private final TemplateEngine templates;
  private final MailSettings mail;
  private final Clock clock;

  DigestMessages(TemplateEngine templates, MailSettings mail, Clock clock) {
    this.templates = templates;
    this.mail = mail;
    this.clock = clock;
  }

  String html(Digest digest) {
    StringOutput out = new StringOutput();
    templates.render(
        "digest-email.jte", Map.of("digest", digest, "siteName", mail.siteName()), out);
    return out.toString();
  }

  String text(Digest digest) {
    StringBuilder text = new StringBuilder();
    text.append(digest.heading()).append("\n\n");
    for (Digest.Section section : digest.sections()) {
      text.append("== ").append(section.title()).append(" ==\n\n");
      for (Digest.Item item : section.items()) {
        text.append(item.title()).append('\n');
        text.append(item.authors());
        if (item.upvotes() > 0) {
          text.append(" · ")
              .append(item.upvotes())
              .append(item.upvotes() == 1 ? " upvote" : " upvotes");
        }
        text.append('\n');
        if (!item.reason().isEmpty()) {
          text.append('(').append(item.reason()).append(")\n");
        }
        text.append(item.summary()).append('\n');
        text.append(item.url()).append("\n\n");
      }
    }
    text.append("-- \n")
        .append("View in your browser: ")
        .append(digest.browserUrl())
        .append('\n')
        .append("Change what you get or pause it: ")
        .append(digest.manageUrl())
        .append('\n')
        .append("Unsubscribe: ")
        .append(digest.unsubscribeUrl())
        .append('\n');
    return text.toString();
  }

  static String subject(Digest digest, String siteName) {
    String subject = (siteName + ": " + digest.heading()).replaceAll("[\\p{Cntrl}]+", " ");
    return subject.length() > SUBJECT_MAX
        ? subject.substring(0, SUBJECT_MAX - 1) + "\u2026"
        : subject;
  }

  MimeMessage message(Session session, Digest digest, String to, String messageId)
      throws MessagingException {
    MimeMessage message = new FixedIdMessage(session, messageId);
    message.setFrom(InternetAddress.parse(mail.from(), true)[0]);
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
    message.setSubject(subject(digest, mail.siteName()), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(clock.instant()));
    message.setHeader("List-Unsubscribe", "<" + digest.unsubscribeUrl() + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    message.setHeader("List-Id", "<digest." + Addresses.domain(mail.from()) + ">");
    message.setHeader("Auto-Submitted", "auto-generated");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text(digest), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart rich = new MimeBodyPart();
    rich.setText(html(digest), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(rich);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  /** Keeps the row's Message-ID instead of making a new one at each save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
