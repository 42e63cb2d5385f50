package dev.paperboy.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Requirements;
import dev.paperboy.support.SeedDayFile;
import dev.paperboy.support.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official {@code huggingface_hub} client, pointed at Paperboy: {@code paper_info}, {@code
 * list_daily_papers}, {@code list_papers} and {@code read_paper} work unchanged, and an unknown
 * paper is the client's 404. Runs with the Python in {@code PAPERBOY_TEST_HF_PYTHON} (by default
 * the virtual environment .ci/run makes); skipped when it has no huggingface_hub.
 */
@Site
class HuggingFaceClientTest {
  private static final Path PYTHON =
      Path.of(
          System.getenv()
              .getOrDefault(
                  "PAPERBOY_TEST_HF_PYTHON",
                  System.getProperty("user.home") + "/.cache/paperboy/hf-venv/bin/python"));

  @LocalServerPort int port;

  @Test
  void theOfficialClientReadsPaperboyAsItReadsHuggingFace() throws Exception {
    Requirements.need(
        "huggingface_hub",
        Files.isExecutable(PYTHON) && run("-c", "import huggingface_hub").exitValue() == 0,
        "python3 -m venv ~/.cache/paperboy/hf-venv && ~/.cache/paperboy/hf-venv/bin/pip install"
            + " huggingface_hub (.ci/run does)");
    Path script = Path.of("src/test/resources/huggingface/papers_client.py");

    Process client = run(script.toString(), "http://127.0.0.1:" + port);

    String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(client.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(client.exitValue()).as(err).isZero();
    JsonNode answers = JsonMapper.builder().build().readTree(out);
    JsonNode info = answers.get("paper_info");
    assertThat(info.get("id").asString()).isEqualTo("2310.11366");
    assertThat(info.get("title").asString())
        .isEqualTo("Lie Group Decompositions for Equivariant Neural Networks");
    assertThat(info.get("authors").get(1).asString()).isEqualTo("Patrick Forré");
    assertThat(info.get("published_at").asString()).isEqualTo("2023-10-17T00:00:00+00:00");
    assertThat(info.get("submitted_by").asString()).isEqualTo("curator");
    assertThat(ids(answers.get("list_daily_papers")))
        .containsExactlyElementsOf(
            SeedDayFile.papers().stream().map(SeedDayFile.SeedPaper::id).toList());
    assertThat(ids(answers.get("list_papers"))).hasSizeBetween(1, 5).startsWith("2310.11366");
    assertThat(answers.get("read_paper").asString())
        .isEqualTo("# Lie Group Decompositions for Equivariant Neural Networks");
    assertThat(answers.get("paper_info_unknown").asInt()).isEqualTo(404);
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(id -> ids.add(id.asString()));
    return ids;
  }

  private static Process run(String... arguments) throws IOException, InterruptedException {
    String[] command = new String[arguments.length + 1];
    command[0] = PYTHON.toString();
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    Process process = new ProcessBuilder(command).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the client did not finish within a minute");
    }
    return process;
  }
}
