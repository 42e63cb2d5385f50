package dev.paperboy.cli;

import dev.paperboy.ingest.HarvestProgress;
import dev.paperboy.ingest.HarvestRequest;
import dev.paperboy.ingest.HarvestSummary;
import dev.paperboy.ingest.OaiHarvester;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "harvest",
    mixinStandardHelpOptions = true,
    description =
        "Harvest arXiv metadata over OAI-PMH into the store, politely (one request per 3 s). Without --from it continues from the last finished harvest of the same set and format; an interrupted harvest resumes where it stopped.")
class HarvestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--set", description = "an OAI set, e.g. cs, physics:hep-th, cs:cs:AI")
  String set;

  @Option(names = "--from", description = "first datestamp, YYYY-MM-DD")
  LocalDate from;

  @Option(names = "--until", description = "last datestamp, YYYY-MM-DD")
  LocalDate until;

  @Option(
      names = "--metadata",
      defaultValue = "arXivRaw",
      description = "arXivRaw (with versions, default), arXiv or oai_dc")
  String metadata;

  @Mixin StoreOptions store;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    HarvestRequest request;
    try {
      request = new HarvestRequest(set, from, until, metadata);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("paperboy harvest: " + e.getMessage());
      return 2;
    }
    try (ConfigurableApplicationContext context = Contexts.oneShot(store.dataDir)) {
      OaiHarvester harvester = context.getBean(OaiHarvester.class);
      HarvestSummary summary;
      if (!store.showProgress()) {
        summary = harvester.harvest(request, HarvestProgress.NONE);
      } else {
        try (ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName("harvest " + (set == null ? "all" : set))
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUnit(" records", 1)
                .build()) {
          summary =
              harvester.harvest(
                  request,
                  (pages, records, total) -> {
                    if (total > 0) {
                      bar.maxHint(total);
                    }
                    bar.stepTo(records);
                    bar.setExtraMessage(pages + " pages");
                  });
        }
      }
      out.println("harvest " + request.name() + ": " + summary.describe());
      summary.problems().stream().limit(50).forEach(p -> out.println("  rejected " + p.reason()));
      return 0;
    }
  }
}
