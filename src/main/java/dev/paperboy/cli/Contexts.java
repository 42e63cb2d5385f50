package dev.paperboy.cli;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.store.StoreSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

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
    args.add("--paperboy.backup.scheduled=false");
    args.add("--paperboy.vectors.enabled=false");
    args.add("--logging.level.root=WARN");
    args.add("--paperboy.store.data-dir=" + dataDir);
    return new SpringApplicationBuilder(PaperboyApplication.class)
        .web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }

  /**
   * Only the store's settings, bound from the configuration as {@code serve} would see it, without
   * opening the store: for {@code restore}, which must find the target empty.
   */
  static ConfigurableApplicationContext settingsOnly(Path dataDir) {
    return new SpringApplicationBuilder(SettingsOnly.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .run("--paperboy.store.data-dir=" + dataDir, "--logging.level.root=WARN");
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(StoreSettings.class)
  static class SettingsOnly {}
}
