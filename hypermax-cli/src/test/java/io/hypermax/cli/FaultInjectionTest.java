package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs the search at random moments, some within the first 50 ms after its results directory
 * appears, and checks that every directory left behind resumes to exactly {@code iterations} trials,
 * each trial once.
 */
class FaultInjectionTest {
  private static final int ITERATIONS = 30;
  @TempDir Path dir;

  @Test
  void everyDirectoryLeftByASigkillAtARandomMomentResumesToExactlyTheBudget() throws Exception {
    long seed = Long.getLong("hypermax.faultSeed", System.nanoTime());
    Random random = new Random(seed);
    String where = " (fault seed " + seed + "; rerun with -Dhypermax.faultSeed=" + seed + ")";
    int checked = 0;
    for (int round = 0; round < 8; round++) {
      Path work = Files.createDirectories(dir.resolve("round" + round));
      Path config = work.resolve("search.yaml");
      Files.writeString(
          config,
          SearchCommandTest.config(work.resolve("results"), "random", "quickBowl", ITERATIONS, "")
              .replace("method: quickBowl", "method: quickBowl\n  parallel: 2"));
      Path results = work.resolve("results_0");
      Process child = start(config, work.resolve("child.log"));
      try {
        if (round % 2 == 0) {
          // Early: within 50 ms of the directory appearing.
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (!Files.exists(results) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
          }
          Thread.sleep(random.nextInt(51));
        } else {
          // Any time from the JVM's start to well into the search.
          Thread.sleep(random.nextInt(2500));
        }
      } finally {
        child.destroyForcibly(); // SIGKILL
        assertTrue(child.waitFor(20, TimeUnit.SECONDS));
      }
      if (!Files.exists(results)) {
        continue; // killed before the search made its directory: nothing to resume
      }
      Cli resumed = Cli.run("--no-ui", config.toString(), results.toString());
      assertEquals(0, resumed.exitCode(), "round " + round + where + ": " + resumed);
      List<String> rows = SearchCommandTest.csvRows(results);
      assertEquals(ITERATIONS, rows.size(), "round " + round + where);
      for (int i = 0; i < ITERATIONS; i++) {
        String prefix = i + ",";
        assertEquals(1, rows.stream().filter(r -> r.startsWith(prefix)).count(), "trial " + i + " once, round " + round + where);
      }
      checked++;
    }
    assertTrue(checked >= 4, "the early kills always leave a directory to check" + where);
  }

  private static Process start(Path config, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--no-ui", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
