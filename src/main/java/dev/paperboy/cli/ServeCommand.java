package dev.paperboy.cli;

import dev.paperboy.PaperboyApplication;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve the site, the JSON API and the scheduled work. A fresh data directory starts with the demo: the seed day and 10,000 real arXiv papers.")
class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "${env:PAPERBOY_PORT:-8080}",
      description = "HTTP port (env PAPERBOY_PORT; default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:PAPERBOY_DATA_DIR:-./data}",
      description = "data directory (env PAPERBOY_DATA_DIR; default ${DEFAULT-VALUE})")
  Path dataDir;

  @Override
  public Integer call() throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PaperboyApplication.class)
            .listeners(
                event -> {
                  if (event instanceof ContextClosedEvent) {
                    closed.countDown();
                  }
                })
            .run("--server.port=" + port, "--paperboy.store.data-dir=" + dataDir);
    context.registerShutdownHook();
    closed.await();
    return 0;
  }
}
