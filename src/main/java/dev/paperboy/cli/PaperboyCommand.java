package dev.paperboy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(
    name = "paperboy",
    mixinStandardHelpOptions = true,
    versionProvider = PaperboyCommand.Version.class,
    description = "Trending research papers: a daily list, search, feeds and digests over arXiv.",
    subcommands = {
      ServeCommand.class,
      ImportCommand.class,
      HarvestCommand.class,
      ReindexCommand.class,
      ConfigCommand.class,
      UserCommand.class,
      DigestCommand.class,
      BackupCommand.class,
      RestoreCommand.class
    })
class PaperboyCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version Maven wrote into the jar's build info. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties info = new Properties();
      try (InputStream in =
          PaperboyCommand.class.getResourceAsStream("/META-INF/build-info.properties")) {
        if (in != null) {
          info.load(in);
        }
      }
      return new String[] {
        "paperboy " + info.getProperty("build.version", "(development build)"),
        "built " + info.getProperty("build.time", "from source"),
        "Java " + System.getProperty("java.version")
      };
    }
  }
}
