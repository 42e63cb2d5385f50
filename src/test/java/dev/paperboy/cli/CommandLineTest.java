package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.ArxivStub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as a user runs them, in process: output, exit codes and their effect. */
class CommandLineTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void clearProperties() {
    System.clearProperty("paperboy.store.password");
    System.clearProperty("paperboy.store.url");
    System.clearProperty("paperboy.arxiv.oai-base-url");
  }

  @Test
  void harvestFetchesEveryPagePolitelyAndPrintsASummary() throws Exception {
    List<String> records = dev.paperboy.ingest.OaiPagesForTests.records();
    try (ArxivStub stub = new ArxivStub()) {
      stub.then(
          ArxivStub.Reply.xml(
              dev.paperboy.ingest.OaiPagesForTests.page(records.subList(0, 3), "t1", 6)),
          ArxivStub.Reply.xml(
              dev.paperboy.ingest.OaiPagesForTests.page(records.subList(3, 6), "", 6)));
      System.setProperty("paperboy.arxiv.oai-base-url", stub.baseUrl());

      int exit =
          run(
              "harvest",
              "--set",
              "cs",
              "--data-dir",
              dir.resolve("data").toString(),
              "--no-progress");

      assertThat(exit).isZero();
      assertThat(out.toString())
          .contains("harvest arXivRaw/cs: 2 pages, 6 records: new 6, updated 0");
      assertThat(stub.requests()).hasSize(2);
      assertThat(stub.maxInFlight()).isEqualTo(1);
    }
  }

  @Test
  void harvestRefusesABadSetBeforeStartingAnything() {
    assertThat(run("harvest", "--set", "cs/../x", "--data-dir", dir.resolve("d").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("not an OAI set");
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("serve").contains("import").contains("config");
  }

  @Test
  void versionNamesPaperboy() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("paperboy ");
  }

  @Test
  void importStoresGoodLinesNamesBadOnesAndIsIdempotent() throws Exception {
    List<String> sample = sampleLines();
    Path file = dir.resolve("mixed.jsonl");
    Files.write(
        file,
        List.of(sample.get(0), "{broken", sample.get(1), "{\"title\": \"no id\"}"),
        StandardCharsets.UTF_8);
    Path data = dir.resolve("data");

    int first = run("import", file.toString(), "--data-dir", data.toString(), "--no-progress");
    String firstOut = out.toString();
    out.getBuffer().setLength(0);
    int second = run("import", file.toString(), "--data-dir", data.toString(), "--no-progress");

    assertThat(first).isZero();
    assertThat(firstOut)
        .contains("read 4, new 2, updated 0, unchanged 0, rejected 2")
        .contains("rejected line 2: broken JSON")
        .contains("rejected line 4: missing id");
    assertThat(second).isZero();
    assertThat(out.toString()).contains("read 4, new 0, updated 0, unchanged 2, rejected 2");
  }

  @Test
  void reindexRightAfterAnImportIndexesEveryPaper() throws Exception {
    Path file = dir.resolve("sample.jsonl");
    Files.write(file, sampleLines(), StandardCharsets.UTF_8);
    Path data = dir.resolve("data");
    assertThat(run("import", file.toString(), "--data-dir", data.toString(), "--no-progress"))
        .isZero();
    out.getBuffer().setLength(0);

    assertThat(run("reindex", "--data-dir", data.toString(), "--no-progress")).isZero();

    assertThat(out.toString()).contains("reindex: 250 papers indexed, 250 in the index");
    assertThat(data.resolve("index")).isDirectory();
  }

  @Test
  void importOfAMissingFileSaysSoAndStartsNothing() {
    Path data = dir.resolve("untouched");

    assertThat(run("import", dir.resolve("nope.jsonl").toString(), "--data-dir", data.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("cannot read");
    assertThat(data).doesNotExist();
  }

  @Test
  void configPrintsEffectiveSettingsWithSecretsMasked() {
    System.setProperty("paperboy.store.password", "hunter2");
    System.setProperty(
        "paperboy.store.url", "jdbc:postgresql://db.example/paperboy?user=pb&password=s3cret");

    assertThat(run("config")).isZero();

    String printed = out.toString();
    assertThat(printed)
        .contains("paperboy.store.password = " + ConfigCommand.MASK)
        .contains("password=" + ConfigCommand.MASK)
        .contains("paperboy.store.pool-size = 8")
        .contains("paperboy.curation.zone = UTC")
        .contains("(engine: postgresql)")
        .contains("paperboy.arxiv.oai-base-url = https://oaipmh.arxiv.org/oai")
        .contains("paperboy.arxiv.interval = PT3S")
        .doesNotContain("hunter2")
        .doesNotContain("s3cret");
  }

  @Test
  void userAddMakesAConfirmedAdminWhoseGeneratedPasswordSignsIn() throws Exception {
    Path data = dir.resolve("accounts");

    assertThat(
            run(
                "user",
                "add",
                "Root@Example.org",
                "--role",
                "admin",
                "--data-dir",
                data.toString()))
        .isZero();

    String printed = out.toString();
    assertThat(printed).contains("user: Root (root@example.org) is an admin");
    String password = printed.substring(printed.indexOf("change it at /account): ") + 24).strip();
    try (var context = Contexts.oneShot(data)) {
      var account =
          context.getBean(dev.paperboy.account.Accounts.class).byEmail("root@example.org");
      assertThat(account)
          .hasValueSatisfying(
              a -> {
                assertThat(a.role()).isEqualTo(dev.paperboy.account.Role.ADMIN);
                assertThat(a.verified()).isTrue();
              });
      String hash =
          context
              .getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
              .sql("SELECT password_hash FROM members WHERE email = 'root@example.org'")
              .query(String.class)
              .single();
      assertThat(
              new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(
                      16, 32, 1, 19_456, 2)
                  .matches(password, hash))
          .isTrue();
    }

    assertThat(run("user", "add", "root@example.org", "--data-dir", data.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("An account with the address root@example.org exists");
    assertThat(run("user", "add", "x@example.org", "--role", "king", "--data-dir", data.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("unknown role 'king'");
  }

  @Test
  void digestCommandsSayWhatTheyDidAndRefuseBadArguments() {
    String data = dir.resolve("digests").toString();
    assertThat(run("digest", "status", "--data-dir", data)).isZero();
    assertThat(out.toString()).contains("cadence").contains("queued").contains("sent");

    assertThat(
            run("digest", "send", "--cadence", "daily", "--date", "2025-03-13", "--data-dir", data))
        .isZero();
    assertThat(out.toString()).contains("digest: no papers were listed in 2025-03-13");
    assertThat(
            run(
                "digest",
                "send",
                "--cadence",
                "weekly",
                "--date",
                "2025-03-15",
                "--data-dir",
                data))
        .isZero();
    assertThat(out.toString()).contains("digest: no papers were listed in 2025-W11");
    assertThat(run("digest", "send", "--date", "2025-03-15", "--data-dir", data)).isZero();
    assertThat(out.toString()).contains("no daily digest on weekends");

    assertThat(
            run(
                "digest",
                "preview",
                "--email",
                "nobody@example.org",
                "--date",
                "2025-03-12",
                "--data-dir",
                data))
        .isEqualTo(1);
    assertThat(err.toString()).contains("no subscription for nobody@example.org");
    assertThat(run("digest", "preview", "--email", "nobody@example.org", "--data-dir", data))
        .isEqualTo(1);
    assertThat(err.toString())
        .as("without --date the preview says which period it picked")
        .contains("digest: no list has papers yet; previewing the last closed period, ");

    assertThat(run("digest", "send", "--cadence", "hourly", "--data-dir", data)).isEqualTo(2);
    assertThat(err.toString()).contains("--cadence must be daily or weekly");
    assertThat(run("digest", "send", "--date", "yesterday", "--data-dir", data)).isEqualTo(2);
    assertThat(err.toString()).contains("--date must be a day such as 2025-03-12");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument");
  }

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private static List<String> sampleLines() throws Exception {
    return new String(
            CommandLineTest.class
                .getResourceAsStream("/arxiv-snapshot/kaggle-format-sample-250.jsonl")
                .readAllBytes(),
            StandardCharsets.UTF_8)
        .lines()
        .toList();
  }
}
