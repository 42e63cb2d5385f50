package dev.paperboy.cli;

import dev.paperboy.PaperboyApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application the way each command needs it. */
final class Contexts {
  private Contexts() {}

  /**
   * The whole application without a web server and without the demo: for one-shot commands. Logs
   * only warnings, so that the terminal shows the command's own output.
   */
  static ConfigurableApplicationContext oneShot(Path dataDir) {
    List<String> args = new ArrayList<>();
    args.add("--paperboy.demo.enabled=false");
    args.add("--paperboy.arxiv.scheduled=false");
    args.add("--paperboy.digest.scheduled=false");
    args.add("--paperboy.search.follow=false");
    args.add("--logging.level.root=WARN");
    args.add("--paperboy.store.data-dir=" + dataDir);
    return new SpringApplicationBuilder(PaperboyApplication.class)
        .web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }
}
