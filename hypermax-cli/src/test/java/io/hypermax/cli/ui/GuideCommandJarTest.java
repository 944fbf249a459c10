package io.hypermax.cli.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hypermax guide} from another process: against a running search (through the inbox, applied
 * from the next suggestion and journaled) and against a stopped one (written to the journal, in
 * force when it resumes). Both processes are the real CLI jar.
 */
class GuideCommandJarTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  record Result(int exit, String output) {}

  private static String jar() {
    String jar = System.getProperty("hypermax.cli.jar");
    assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "the shaded CLI jar is built (mvn verify)");
    return jar;
  }

  private ProcessBuilder cli(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
  }

  private Result run(String... args) throws Exception {
    Process p = cli(args).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Result(p.exitValue(), out);
  }

  private void config(int iterations) throws Exception {
    Files.writeString(dir.resolve("search.yaml"), """
        hyperparameters:
          type: object
          properties:
            lr: {type: number, min: 0.0001, max: 1, scaling: logarithmic}
            layers: {type: integer, min: 1, max: 8}
        function:
          type: executable
          command: sh -c 'sleep 0.2; awk -v a={lr} -v b={layers} "BEGIN{print (log(a)+4)^2+b}"'
          auto_kill_max_time: 60
          auto_kill_loss: 1000
        search:
          method: tpe
          iterations: %d
          seed: 5
        results:
          graphs: false
        """.formatted(iterations));
  }

  /** (trial, params) of every start record after the first guidance record in the journal, excluding re-runs of earlier trials. */
  private List<JsonNode> startsAfterGuidance() throws Exception {
    boolean seen = false;
    Set<Integer> before = new HashSet<>();
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("out/journal.jsonl"))) {
      JsonNode n = JSON.readTree(line);
      if (n.path("event").asText().equals("guidance")) {
        seen = true;
      } else if (n.path("event").asText().equals("start")) {
        if (!seen) {
          before.add(n.path("trial").asInt());
        } else if (!before.contains(n.path("trial").asInt())) {
          out.add(n.path("params"));
        }
      }
    }
    assertTrue(seen, "a guidance record is in the journal");
    return out;
  }

  @Test
  void guidanceReachesARunningSearchFromAnotherProcess() throws Exception {
    config(40);
    Process search = cli("--no-ui", "--results", "out", "search.yaml").redirectOutput(dir.resolve("search.log").toFile()).start();
    try {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(dir.resolve("out/results.csv")) || Files.readAllLines(dir.resolve("out/results.csv")).size() < 4) {
        assertTrue(System.nanoTime() < end && search.isAlive(), "the search runs: " + Files.readString(dir.resolve("search.log")));
        Thread.sleep(100);
      }
      Result r = run("guide", "out", "lock", "layers=3", "lr=0.01");
      assertEquals(0, r.exit(), r.output());
      assertTrue(r.output().contains("sent to the running search in ") && r.output().contains("lock layers = 3"), r.output());
      assertTrue(search.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, search.exitValue(), Files.readString(dir.resolve("search.log")));
    } finally {
      search.destroyForcibly();
    }
    List<JsonNode> after = startsAfterGuidance();
    assertTrue(after.size() >= 10, "most of the budget ran under the lock: " + after.size());
    for (JsonNode p : after) {
      assertEquals(3, p.path("layers").asInt(), p.toString());
      assertTrue(p.path("layers").isInt(), "an integer stays an integer: " + p);
      assertEquals(0.01, p.path("lr").asDouble(), 0.0, p.toString());
    }
    String csv = Files.readString(dir.resolve("out/guidance.csv"));
    assertTrue(csv.contains(",cli,lock,layers,3,,") && csv.contains(",cli,lock,lr,0.01,,"), csv);
    Result state = run("guide", "out");
    assertTrue(state.output().contains("locked    layers = 3") && state.output().contains("locked    lr = 0.01"), state.output());
  }

  @Test
  void guidanceForAStoppedSearchIsInForceWhenItResumes() throws Exception {
    config(10);
    Result first = run("--no-ui", "--results", "out", "search.yaml");
    assertEquals(0, first.exit(), first.output());
    Result g = run("guide", "out", "narrow", "lr=0.001:0.01");
    assertEquals(0, g.exit(), g.output());
    assertTrue(g.output().contains("recorded in ") && g.output().contains("(in force when the search resumes)"), g.output());
    Result bad = run("guide", "out", "narrow", "layers=0:20");
    assertEquals(2, bad.exit(), bad.output());
    assertTrue(bad.output().contains("cannot narrow layers to [0.0, 20.0]: it must stay within its range integer[1, 8]"), bad.output());
    Result unknown = run("guide", "out", "lock", "depth=3");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.output().contains("no parameter 'depth' in the search space (parameters: lr, layers)"), unknown.output());

    Result resumed = run("--no-ui", "--iterations", "25", "search.yaml", "out");
    assertEquals(0, resumed.exit(), resumed.output());
    List<JsonNode> after = startsAfterGuidance();
    assertEquals(15, after.size(), "the resumed trials");
    for (JsonNode p : after) {
      double lr = p.path("lr").asDouble();
      assertTrue(lr >= 0.001 && lr <= 0.01, "narrowed: " + p);
    }
    Result state = run("guide", "out");
    assertTrue(state.output().contains("narrowed  lr to [0.001, 0.01]"), state.output());
  }
}
