package dev.paperboy.cli;

import dev.paperboy.embedding.Embedder;
import dev.paperboy.embedding.VectorJob;
import dev.paperboy.paper.Papers;
import dev.paperboy.search.PaperSearch;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;
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
    name = "reindex",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild the search index from the database, with the semantic vectors stored there. The index is derived data; serve keeps it current by itself and rebuilds it when it is missing or unreadable. Stop serve first: one process at a time may write the index.")
class ReindexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOptions store;

  @Option(
      names = "--vectors",
      description =
          "First compute every paper's semantic vector again with the embedding model (serve computes missing ones by itself; this is for a changed model or damaged vectors). Takes minutes for thousands of papers.")
  boolean vectors;

  @Override
  public Integer call() {
    try (ConfigurableApplicationContext context = Contexts.oneShot(store.dataDir)) {
      PaperSearch search = context.getBean(PaperSearch.class);
      long total = context.getBean(Papers.class).count();
      if (vectors) {
        long started = System.nanoTime();
        long embedded = run("vectors", total, context.getBean(VectorJob.class)::recompute);
        double seconds = (System.nanoTime() - started) / 1e9;
        spec.commandLine()
            .getOut()
            .printf(
                "vectors: %,d papers embedded with %s in %.1f s (%,.1f papers/s)%n",
                embedded, Embedder.MODEL, seconds, embedded / Math.max(seconds, 1e-9));
      }
      long started = System.nanoTime();
      long indexed = run("reindex", total, search::rebuild);
      double seconds = (System.nanoTime() - started) / 1e9;
      spec.commandLine()
          .getOut()
          .printf(
              "reindex: %,d papers indexed, %,d in the index, in %.1f s (%,.0f papers/s)%n",
              indexed, search.state().documents(), seconds, indexed / Math.max(seconds, 1e-9));
      return 0;
    }
  }

  private long run(String task, long total, ToLongFunction<LongConsumer> job) {
    if (!store.showProgress()) {
      return job.applyAsLong(done -> {});
    }
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setUnit(" papers", 1)
            .build()) {
      return job.applyAsLong(bar::stepTo);
    }
  }
}
