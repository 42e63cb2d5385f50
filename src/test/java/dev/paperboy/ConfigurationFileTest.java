package dev.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

  /**
   * Every key of the file is a setting something reads: Spring Boot's and the libraries'
   * configuration metadata, and ours (generated from the settings records, plus {@code
   * additional-spring-configuration-metadata.json} for the few read with {@code @Value}). A key
   * under a map-valued setting ({@code spring.mail.properties.*}) belongs to it.
   */
  @Test
  void everyKeyBindsToASettingSomethingReads() throws Exception {
    Set<String> known = new HashSet<>();
    Set<String> maps = new HashSet<>();
    JsonMapper json = JsonMapper.builder().build();
    for (String name :
        List.of(
            "META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json")) {
      Enumeration<URL> found = getClass().getClassLoader().getResources(name);
      while (found.hasMoreElements()) {
        try (InputStream in = found.nextElement().openStream()) {
          JsonNode properties = json.readTree(in).path("properties");
          for (JsonNode property : properties) {
            known.add(property.path("name").asString());
            if (property.path("type").asString("").startsWith("java.util.Map")) {
              maps.add(property.path("name").asString());
            }
          }
        }
      }
    }
    assertThat(known).as("our own metadata was generated").contains("paperboy.store.data-dir");
    var sources =
        new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml"));
    List<String> unbound = new ArrayList<>();
    for (String key : ((EnumerablePropertySource<?>) sources.get(0)).getPropertyNames()) {
      String plain = key.replaceAll("\\[\\d+]$", "");
      if (!known.contains(plain) && maps.stream().noneMatch(m -> plain.startsWith(m + "."))) {
        unbound.add(key);
      }
    }
    assertThat(unbound).as("keys that bind to nothing").isEmpty();
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
