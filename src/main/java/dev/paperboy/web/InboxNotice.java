package dev.paperboy.web;

import dev.paperboy.mail.Mailer;
import org.springframework.stereotype.Component;

/**
 * What a page says after mailing someone a link. A site without SMTP (a laptop trying Paperboy)
 * writes its mail to the log instead, and the page says so: otherwise a newcomer waits for a
 * confirmation that never comes.
 */
@Component
class InboxNotice {
  static final String NO_SMTP =
      " This site sends no mail yet (PAPERBOY_SMTP_HOST is not set): the mail, link included, is"
          + " written to the server's log instead, in the terminal where Paperboy runs.";

  private final Mailer mailer;

  InboxNotice(Mailer mailer) {
    this.mailer = mailer;
  }

  String after(String text) {
    return mailer.delivers() ? text : text + NO_SMTP;
  }
}
