package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.executors.storage.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hypermax CONFIG --storage}, {@code hypermax worker} and {@code hypermax study export|import} on a real PostgreSQL 15. */
@Tag("postgres")
class WorkerCommandTest {
  private static PostgresServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = PostgresServer.startOrSkip();
    server.createDatabase("cli");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void startJoinExportAndImportAStudy() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", 6, ""));
    String a = server.url("cli", "a", 30);

    Cli first = Cli.run(config.toString(), "--storage", a);
    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.out().contains("6 trials recorded by this worker; the study is finished"), first.toString());
    assertTrue(Files.isDirectory(dir.resolve("results_worker_" + ProcessHandle.current().pid()).resolve("logs")), first.toString());

    Cli more = Cli.run("worker", config.toString(), "--storage", a, "--iterations", "10", "--work-dir", dir.resolve("w2").toString());
    assertEquals(0, more.exitCode(), more.toString());
    assertTrue(more.out().contains("4 trials recorded by this worker"), more.toString());

    Path exported = dir.resolve("exported");
    Cli export = Cli.run("study", "export", config.toString(), exported.toString(), "--storage", a);
    assertEquals(0, export.exitCode(), export.toString());
    assertEquals(11, Files.readAllLines(exported.resolve("results.csv")).size(), "header + 10 trials");
    assertTrue(Files.exists(exported.resolve("best.json")));

    String b = server.url("cli", "b", 30);
    Cli imported = Cli.run("study", "import", config.toString(), exported.toString(), "--storage", b);
    assertEquals(0, imported.exitCode(), imported.toString());
    assertTrue(imported.out().contains("imported 10 finished trials"), imported.toString());
    Cli rest = Cli.run("worker", config.toString(), "--storage", b, "--iterations", "12", "--work-dir", dir.resolve("w3").toString());
    assertEquals(0, rest.exitCode(), rest.toString());
    assertTrue(rest.out().contains("2 trials recorded by this worker"), rest.toString());
  }

  @Test
  void aBadStorageUrlIsAOneLineConfigError() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", 3, ""));
    Cli bad = Cli.run("worker", config.toString(), "--storage", server.url("cli", "c", 30) + "&colour=blue");
    assertEquals(2, bad.exitCode(), bad.toString());
    assertTrue(bad.err().contains("unknown parameter(s) [colour]"), bad.toString());
    Cli noScheme = Cli.run("worker", config.toString(), "--storage", "mongodb://x/y");
    assertEquals(2, noScheme.exitCode(), noScheme.toString());
    assertTrue(noScheme.err().contains("no storage backend for 'mongodb'"), noScheme.toString());
  }
}
