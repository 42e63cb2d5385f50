package dev.paperboy.digest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The digests of {@code serve}: each morning the previous day's daily edition, each Monday the
 * previous week's, and every half minute ({@code send-every}) a sending round over whatever is due.
 * Every node runs this: the editions' unique key makes the decision once, and the outbox's claims
 * share the sending out (NODE-2).
 */
@Component
class DigestSchedule {
  private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

  private final Editions editions;
  private final DigestSender sender;
  private final DigestSettings settings;
  private boolean warned;

  DigestSchedule(Editions editions, DigestSender sender, DigestSettings settings) {
    this.editions = editions;
    this.sender = sender;
    this.settings = settings;
  }

  @Scheduled(
      cron = "${paperboy.digest.daily-at:0 0 8 * * *}",
      zone = "${paperboy.curation.zone:UTC}")
  void daily() {
    decide(Cadence.DAILY);
  }

  @Scheduled(
      cron = "${paperboy.digest.weekly-at:0 0 8 * * MON}",
      zone = "${paperboy.curation.zone:UTC}")
  void weekly() {
    decide(Cadence.WEEKLY);
  }

  private void decide(Cadence cadence) {
    if (settings.scheduled()) {
      Editions.Decision decision = editions.decide(cadence, editions.lastClosedDay(cadence));
      log.info("Digest: {}", decision.why());
    }
  }

  @Scheduled(
      initialDelayString = "${paperboy.digest.send-every:PT30S}",
      fixedDelayString = "${paperboy.digest.send-every:PT30S}")
  void send() throws InterruptedException {
    if (!settings.scheduled() || sender.due() == 0) {
      return;
    }
    if (!sender.relayConfigured()) {
      if (!warned) {
        log.warn(
            "Digest: {} messages are due but SMTP is not configured (PAPERBOY_SMTP_HOST); they"
                + " wait in the outbox",
            sender.due());
        warned = true;
      }
      return;
    }
    DigestSender.Round round = sender.sendDue(done -> {});
    log.info("Digest: {}", round.describe());
  }
}
