package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke test of the command with a tiny budget; real benchmarks are run by hand (docs/benchmarks.md). */
class BenchCommandTest {

  private static String run(int[] exit, String... args) {
    PrintStream previous = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      exit[0] = Main.run(args);
    } finally {
      System.setOut(previous);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsTheTablesAndWritesTraces(@TempDir Path dir) throws Exception {
    int[] exit = new int[1];
    String out = run(exit, "bench", "--methods", "random,tpe:n_startup=5", "--problems", "branin,mixed", "--budget", "12",
        "--seeds", "2", "--timing-trials", "10,15", "--csv", dir.toString());
    assertEquals(0, exit[0], out);
    assertTrue(out.contains("| branin"), out);
    assertTrue(out.contains("tpe:n_startup=5"), out);
    assertTrue(out.contains("median normalized score"), out);
    assertTrue(out.contains("@15"), out);
    // header + 2 methods x 2 problems x 2 seeds x 12 trials
    assertEquals(1 + 2 * 2 * 2 * 12, Files.readAllLines(dir.resolve("traces.csv")).size());
    assertEquals(1 + 2 * 15, Files.readAllLines(dir.resolve("timing.csv")).size());
  }

  @Test
  void anUnknownMethodIsAUsageError() {
    int[] exit = new int[1];
    run(exit, "bench", "--methods", "nosuchmethod", "--problems", "branin", "--seeds", "1", "--budget", "5");
    assertEquals(2, exit[0]);
  }
}
