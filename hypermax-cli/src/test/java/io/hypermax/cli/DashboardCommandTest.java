package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypermax.executors.internal.storage.postgres.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hypermax dashboard} of a results directory and of a PostgreSQL study, and {@code ui.web: true} beside a search. */
class DashboardCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/\\?token=([A-Za-z0-9_-]{43})");
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  /** Runs the command on a thread until its address is printed; the caller stops it. */
  private DashboardCommand serve(String... args) throws Exception {
    DashboardCommand cmd = new DashboardCommand();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    cmd.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    new CommandLine(cmd).parseArgs(args);
    Thread t = new Thread(() -> {
      try {
        cmd.call();
      } catch (Exception e) {
        cmd.out.println("failed: " + e);
      }
    });
    t.setDaemon(true);
    t.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (cmd.serving == null && t.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertNotNull(cmd.serving, "the dashboard started: " + printed.toString(StandardCharsets.UTF_8));
    assertTrue(URL.matcher(printed.toString(StandardCharsets.UTF_8)).find(), printed.toString(StandardCharsets.UTF_8));
    return cmd;
  }

  /** The results directory a search printed ("... — results in DIR"). */
  private static String resultsOf(Cli run) {
    Matcher m = Pattern.compile("results in (\\S+)").matcher(run.out());
    assertTrue(m.find(), run.toString());
    return m.group(1);
  }

  private JsonNode study(int port, String token) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/study"))
        .header("X-Hypermax-Token", token).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  @Test
  void servesAFinishedResultsDirectoryAndStops() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", 6, ""));
    Cli run = Cli.run(config.toString());
    assertEquals(0, run.exitCode(), run.toString());
    DashboardCommand cmd = serve(resultsOf(run));
    DashboardServerHandle h = new DashboardServerHandle(cmd);
    assertEquals(6, study(h.port, h.token).get("trials").size());
    cmd.stopped.countDown();
    // The server closes on the command's own thread: wait for it (up to 30 s on a slow machine), then check.
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        study(h.port, h.token);
        Thread.sleep(100);
      } catch (java.io.IOException closing) {
        break;
      }
    }
    assertThrows(ConnectException.class, () -> study(h.port, h.token), "stopped: the port is closed");
  }

  @Test
  void badInvocationsAreOneLineErrors() throws Exception {
    Cli none = Cli.run("dashboard");
    assertEquals(ErrorHandler.CONFIG_ERROR, none.exitCode(), none.toString());
    assertTrue(none.err().contains("pass either RESULTS_DIR or --storage URL"), none.toString());
    Cli notResults = Cli.run("dashboard", dir.toString());
    assertEquals(ErrorHandler.CONFIG_ERROR, notResults.exitCode());
    assertTrue(notResults.err().contains("is not a results directory"), notResults.toString());
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", 2, ""));
    Cli run = Cli.run(config.toString());
    assertEquals(0, run.exitCode(), run.toString());
    Cli remote = Cli.run("dashboard", resultsOf(run), "--host", "0.0.0.0");
    assertEquals(ErrorHandler.CONFIG_ERROR, remote.exitCode(), remote.toString());
    assertTrue(remote.err().contains("--allow-remote"), remote.toString());
  }

  @Test
  void uiWebServesTheDashboardBesideTheSearchAndClosesItWithTheSearch() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", 4, "ui: {web: true, web_port: 0}"));
    Cli run = Cli.run(config.toString(), "--no-ui");
    assertEquals(0, run.exitCode(), run.toString());
    Matcher m = URL.matcher(run.out());
    assertTrue(m.find(), "the address with its token is printed:\n" + run);
    int port = Integer.parseInt(m.group(1));
    assertThrows(ConnectException.class, () -> study(port, m.group(2)), "the dashboard ends with the search");
    Cli bad = Cli.run(SearchCommandTestConfigs.write(dir, "ui: {web: true, web_port: 70000}").toString());
    assertEquals(ErrorHandler.CONFIG_ERROR, bad.exitCode(), bad.toString());
    assertTrue(bad.err().contains("web_port"), bad.toString());
  }

  /**
   * The dashboard a search serves itself ({@code ui.web: true}) guides that search: the lock goes to its inbox (the
   * search holds the directory in this same JVM) and every trial suggested after the search applied it has the locked
   * value.
   */
  @Test
  void uiWebGuidanceReachesTheSearchThatServesTheDashboard() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "slowBowl", 120, "ui: {web: true, web_port: 0}"));
    PrintStream oldOut = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    int[] rc = {-1};
    Thread search = new Thread(() -> rc[0] = Main.run(config.toString(), "--no-ui"));
    System.setOut(capture);
    try {
      search.start();
      Matcher m = URL.matcher("");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!(m = URL.matcher(text(printed))).find() && search.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(m.find(0), "the address is printed: " + text(printed));
      String origin = "http://127.0.0.1:" + m.group(1);
      String token = m.group(2);
      HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(origin + "/api/session"))
          .header("X-Hypermax-Token", token).build(), HttpResponse.BodyHandlers.ofString());
      String csrf = JSON.readTree(session.body()).get("csrf").asText();
      HttpResponse<String> lock = http.send(HttpRequest.newBuilder(URI.create(origin + "/api/guidance"))
          .header("X-Hypermax-Token", token).header("X-Hypermax-CSRF", csrf).header("Origin", origin)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"lock\",\"param\":\"x\",\"value\":0.5}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, lock.statusCode(), lock.body());
      assertEquals("inbox", JSON.readTree(lock.body()).get("route").asText(), "the running search (this JVM) holds the directory");
      assertTrue(search.isAlive(), "the search was still running when guided");
      search.join(120_000);
    } finally {
      System.setOut(oldOut);
    }
    assertEquals(0, rc[0], text(printed));
    Matcher results = Pattern.compile("results in (\\S+)").matcher(text(printed));
    assertTrue(results.find(), text(printed));
    List<String> lines = Files.readAllLines(Path.of(results.group(1)).resolve("journal.jsonl"));
    int guided = -1;
    int after = 0;
    for (int i = 0; i < lines.size(); i++) {
      JsonNode n = JSON.readTree(lines.get(i));
      if ("guidance".equals(n.path("event").asText())) {
        assertEquals("web", n.path("source").asText());
        guided = i;
      } else if (guided >= 0 && "start".equals(n.path("event").asText())) {
        assertEquals(0.5, n.path("params").path("x").asDouble(), "trial " + n.path("trial") + " follows the lock");
        after++;
      }
    }
    assertTrue(guided >= 0, "the search journaled the guidance");
    assertTrue(after > 0, "trials ran after it: " + after);
  }

  private static String text(ByteArrayOutputStream b) {
    synchronized (b) {
      return b.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void servesASharedPostgresStudyThroughTheStorageSpi() throws Exception {
    try (PostgresServer pg = PostgresServer.startOrSkip()) {
      pg.createDatabase("dash");
      Path config = dir.resolve("search.yaml");
      Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", 5, ""));
      String url = pg.url("dash", "s", 30);
      Cli work = Cli.run(config.toString(), "--storage", url);
      assertEquals(0, work.exitCode(), work.toString());
      DashboardCommand cmd = serve("--storage", url, "--config", config.toString());
      DashboardServerHandle h = new DashboardServerHandle(cmd);
      JsonNode doc = study(h.port, h.token);
      assertEquals(5, doc.get("trials").size());
      assertEquals(5, doc.get("summary").get("complete").asInt());
      assertFalse(doc.toString().contains(h.token));
      cmd.stopped.countDown();
    }
  }

  private record DashboardServerHandle(int port, String token) {
    DashboardServerHandle(DashboardCommand cmd) {
      this(cmd.serving.port(), cmd.serving.token());
    }
  }

  /** A second config file for error cases. */
  private static final class SearchCommandTestConfigs {
    static Path write(Path dir, String extra) throws Exception {
      Path f = dir.resolve("bad.yaml");
      Files.writeString(f, SearchCommandTest.config(dir.resolve("bad"), "random", "bowl", 2, extra));
      return f;
    }
  }
}
