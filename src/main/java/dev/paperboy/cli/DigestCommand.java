package dev.paperboy.cli;

import dev.paperboy.digest.Cadence;
import dev.paperboy.digest.DigestSender;
import dev.paperboy.digest.Editions;
import dev.paperboy.mail.Addresses;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description =
        "Email digests: preview one, build and send an edition, see where editions stand.",
    subcommands = {
      DigestCommand.Preview.class,
      DigestCommand.Send.class,
      DigestCommand.Status.class
    })
class DigestCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Cadence cadence(CommandSpec spec, String text) {
    try {
      return Cadence.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--cadence must be daily or weekly");
    }
  }

  static Optional<LocalDate> date(CommandSpec spec, String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), "--date must be a day such as 2025-03-12");
    }
  }

  @Command(
      name = "preview",
      mixinStandardHelpOptions = true,
      description = "Print a subscriber's digest as its plain-text part, without sending it.")
  static class Preview implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Option(names = "--email", required = true, description = "The subscriber's address.")
    String email;

    @Option(names = "--cadence", defaultValue = "daily", description = "daily or weekly.")
    String cadence;

    @Option(
        names = "--date",
        description =
            "A day of the period (default: the latest edition's, or before any, the latest list"
                + " day).")
    String date;

    @Override
    public Integer call() {
      Cadence chosen = cadence(spec, cadence);
      Optional<LocalDate> day = date(spec, date);
      try (ConfigurableApplicationContext context = Contexts.oneShot(store.dataDir)) {
        Editions editions = context.getBean(Editions.class);
        PrintWriter out = spec.commandLine().getOut();
        LocalDate shown =
            day.orElseGet(
                () -> {
                  Editions.PreviewDay latest = editions.previewDay(chosen);
                  spec.commandLine().getErr().println("digest: " + latest.why());
                  return latest.day();
                });
        Optional<Editions.Preview> preview =
            editions.preview(Addresses.normalize(email), chosen, shown);
        if (preview.isEmpty()) {
          spec.commandLine().getErr().println("digest: no subscription for " + email);
          return 1;
        }
        out.println("Subject: " + preview.get().subject());
        out.println();
        out.print(preview.get().text());
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "send",
      mixinStandardHelpOptions = true,
      description =
          "Decide the edition of a period (once: a second run adds nothing) and send what is due.")
  static class Send implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Option(names = "--cadence", defaultValue = "daily", description = "daily or weekly.")
    String cadence;

    @Option(
        names = "--date",
        description =
            "A day of the period (default: the latest edition's, or before any, the latest list"
                + " day).")
    String date;

    @Override
    public Integer call() throws InterruptedException {
      Cadence chosen = cadence(spec, cadence);
      Optional<LocalDate> day = date(spec, date);
      try (ConfigurableApplicationContext context = Contexts.oneShot(store.dataDir)) {
        Editions editions = context.getBean(Editions.class);
        DigestSender sender = context.getBean(DigestSender.class);
        PrintWriter out = spec.commandLine().getOut();
        Editions.Decision decision =
            editions.decide(chosen, day.orElse(editions.lastClosedDay(chosen)));
        out.println("digest: " + decision.why());
        if (!sender.relayConfigured()) {
          spec.commandLine()
              .getErr()
              .println("digest: SMTP is not configured (PAPERBOY_SMTP_HOST); nothing sent");
          return sender.due() == 0 ? 0 : 1;
        }
        int due = sender.due();
        DigestSender.Round round;
        if (!store.showProgress() || due == 0) {
          round = sender.sendDue(done -> {});
        } else {
          try (ProgressBar bar =
              new ProgressBarBuilder()
                  .setTaskName("digest")
                  .setInitialMax(due)
                  .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                  .setUnit(" messages", 1)
                  .build()) {
            round = sender.sendDue(bar::stepBy);
          }
        }
        out.println("digest: " + round.describe());
        out.flush();
        return round.paused() ? 1 : 0;
      }
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "The latest editions with their queued, sent, failed and skipped counts.")
  static class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Option(names = "--limit", defaultValue = "20", description = "Editions to show.")
    int limit;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Contexts.oneShot(store.dataDir)) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "%-8s %-10s %8s %8s %8s %8s %8s  %s%n",
            "cadence", "period", "queued", "sending", "sent", "failed", "skipped", "done");
        for (Editions.Status s : context.getBean(Editions.class).recent(limit)) {
          out.printf(
              "%-8s %-10s %8d %8d %8d %8d %8d  %s%n",
              s.edition().cadence().label(),
              s.edition().period(),
              s.queued(),
              s.sending(),
              s.sent(),
              s.failed(),
              s.skipped(),
              s.done() ? "yes" : "no");
        }
        out.flush();
        return 0;
      }
    }
  }
}
