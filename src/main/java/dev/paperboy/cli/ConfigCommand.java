package dev.paperboy.cli;

import dev.paperboy.curation.CurationSettings;
import dev.paperboy.demo.DemoSettings;
import dev.paperboy.embedding.Embedder;
import dev.paperboy.embedding.VectorSettings;
import dev.paperboy.ingest.ArxivSettings;
import dev.paperboy.ingest.IngestSettings;
import dev.paperboy.stars.StarsSettings;
import dev.paperboy.store.StoreSettings;
import dev.paperboy.thumbnail.ThumbnailSettings;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description =
        "Print the effective settings (defaults, application.yml, environment), secrets masked. Touches neither the database nor the data directory.")
class ConfigCommand implements Callable<Integer> {
  static final String MASK = "********";
  private static final Pattern URL_SECRET =
      Pattern.compile("(?i)((?:password|secret|token)=)[^&;]*|(//[^/:@]+:)[^@/]*(@)");
  private static final List<Class<? extends Record>> SETTINGS =
      List.of(
          StoreSettings.class,
          CurationSettings.class,
          IngestSettings.class,
          ArxivSettings.class,
          DemoSettings.class,
          VectorSettings.class,
          ThumbnailSettings.class,
          StarsSettings.class);

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws ReflectiveOperationException {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SettingsOnly.class)
            .web(WebApplicationType.NONE)
            .run("--logging.level.root=WARN")) {
      out.println("server.port = " + context.getEnvironment().getProperty("server.port"));
      for (Class<? extends Record> type : SETTINGS) {
        Record settings = context.getBean(type);
        String prefix = type.getAnnotation(ConfigurationProperties.class).value();
        for (RecordComponent component : type.getRecordComponents()) {
          Object value = component.getAccessor().invoke(settings);
          out.println(
              prefix
                  + "."
                  + kebab(component.getName())
                  + " = "
                  + shown(component.getName(), value));
        }
      }
      out.println(
          "paperboy.vectors.model = "
              + context.getBean(VectorSettings.class).model()
              + " (in the jar, Apache 2.0; "
              + Embedder.DIMENSIONS
              + " dimensions)");
      out.println(
          "(engine: "
              + context.getBean(StoreSettings.class).engine().name().toLowerCase(Locale.ROOT)
              + ")");
    }
    return 0;
  }

  static String shown(String name, Object value) {
    if (value == null || value.toString().isEmpty()) {
      return "";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.contains("password") || lower.contains("secret") || lower.contains("token")) {
      return MASK;
    }
    return URL_SECRET
        .matcher(value.toString())
        .replaceAll(m -> m.group(1) != null ? m.group(1) + MASK : m.group(2) + MASK + m.group(3));
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /**
   * Binds the settings records and nothing else: no database, no web server. Not a
   * {@code @Configuration}, so that the application's component scan never picks it up.
   */
  @EnableConfigurationProperties({
    StoreSettings.class,
    CurationSettings.class,
    IngestSettings.class,
    ArxivSettings.class,
    DemoSettings.class,
    VectorSettings.class,
    ThumbnailSettings.class,
    StarsSettings.class
  })
  static class SettingsOnly {}
}
