package dev.paperboy.cli;

import dev.paperboy.paper.Papers;
import dev.paperboy.search.PaperSearch;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild the search index from the database. The index is derived data; serve keeps it current by itself and rebuilds it when it is missing or unreadable. Stop serve first: one process at a time may write the index.")
class ReindexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    try (ConfigurableApplicationContext context = Contexts.oneShot(store.dataDir)) {
      PaperSearch search = context.getBean(PaperSearch.class);
      long total = context.getBean(Papers.class).count();
      long started = System.nanoTime();
      long indexed;
      if (!store.showProgress()) {
        indexed = search.rebuild(done -> {});
      } else {
        try (ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName("reindex")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUnit(" papers", 1)
                .build()) {
          indexed = search.rebuild(bar::stepTo);
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      spec.commandLine()
          .getOut()
          .printf(
              "reindex: %,d papers indexed, %,d in the index, in %.1f s (%,.0f papers/s)%n",
              indexed, search.state().documents(), seconds, indexed / Math.max(seconds, 1e-9));
      return 0;
    }
  }
}
