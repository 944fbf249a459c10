package io.hypermax.core.dbr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.spi.Optimizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Library code prints nothing on the terminal: its warnings go to SLF4J (here bound to slf4j-nop,
 * as a library user's application might bind any backend), and no library class writes to
 * System.out/System.err except programs with a main method.
 */
class LibraryOutputTest {
  private static final Optimizer PRIOR = request -> request.resolve(Map.of());

  @TempDir Path dir;

  @Test
  void aTunerWarningIsLoggedNotPrinted() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    List<String> seen = new ArrayList<>();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      tuner(3).build().search();
      // Resuming with another seed warns; by default through SLF4J, not on System.err.
      tuner(4).maxTrials(4).build().search();
      tuner(5).maxTrials(5).warnings(seen::add).build().search();
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
    assertTrue(seen.stream().anyMatch(w -> w.contains("original seed 3")), "the warning exists: " + seen);
  }

  @Test
  void noLibraryClassWritesToTheConsoleExceptPrograms() throws IOException {
    Pattern console = Pattern.compile("System\\.(out|err)\\b|\\.printStackTrace\\(\\)");
    Pattern program = Pattern.compile("public static void main\\(String");
    List<String> offenders = new ArrayList<>();
    for (String module : List.of("hypermax-core", "hypermax-optimizers", "hypermax-executors", "hypermax-results")) {
      Path src = Path.of("..", module, "src", "main", "java");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", ""); // javadoc examples may mention them
          if (console.matcher(text).find() && !program.matcher(text).find()) {
            offenders.add(f.toString());
          }
        }
      }
    }
    assertEquals(List.of(), offenders, "library code must log through SLF4J");
  }

  private Tuner.Builder<Map<String, Object>> tuner(long seed) {
    return Tuner.builder(TunerTest::build, TunerTest::score)
        .projectDir(dir)
        .optimizer(PRIOR)
        .writeResults(false)
        .maxTrials(3)
        .seed(seed);
  }
}
