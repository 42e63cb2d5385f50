package dev.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * application.yml is read as Spring reads it: a misindented key is not an error there, it is a
 * setting silently dropped (a session timeout under {@code server.error}), so the file's shape is
 * checked here.
 */
class ConfigurationFileTest {
  @Test
  void everyKeyHasAValueSoNoSettingFellUnderItsNeighbour() throws Exception {
    Object root;
    try (InputStream in = new ClassPathResource("application.yml").getInputStream()) {
      root = new Yaml().load(in);
    }
    List<String> empty = new ArrayList<>();
    walk("", root, empty);
    assertThat(empty).as("keys with nothing under them").isEmpty();
  }

  @Test
  void theSettingsThatWereOnceDroppedAreWhereSpringLooks() throws Exception {
    var sources =
        new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml"));
    var keys = ((EnumerablePropertySource<?>) sources.get(0)).getPropertyNames();
    assertThat(keys)
        .contains(
            "server.servlet.session.timeout",
            "server.servlet.session.tracking-modes",
            "spring.jackson.default-property-inclusion",
            "paperboy.arxiv.contact",
            "management.endpoint.health.show-details");
    assertThat(sources.get(0).getProperty("server.servlet.session.timeout").toString())
        .isEqualTo("14d");
  }

  private static void walk(String path, Object node, List<String> empty) {
    if (node == null) {
      empty.add(path);
    } else if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(path.isEmpty() ? "" + k : path + "." + k, v, empty));
    }
  }
}
