package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C and SIGTERM of the real CLI jar in a child process, mid-search: it prints the one-line
 * summary and the exact resume command, and running that printed command (through a shell, as a
 * user would paste it) completes the budget. Runs in the integration-test phase (failsafe), when
 * the shaded jar exists; {@code -Dhypermax.cli.jar=...} names it.
 */
class InterruptResumeJarTest {
  private static final int ITERATIONS = 40;
  private static final Pattern SUMMARY =
      Pattern.compile("interrupted: (\\d+) of " + ITERATIONS + " trials finished \\((\\d+) complete\\), best loss \\S+ \\(trial \\d+\\)");

  @TempDir Path dir;

  @Test
  void ctrlCPrintsTheSummaryAndAResumeCommandThatCompletesTheBudget() throws Exception {
    Run run = interruptMidSearch("INT");
    assertEquals(130, run.exitCode, run.output);
    // The printed command, pasted into a shell in the same directory, finishes the search.
    Process resume =
        new ProcessBuilder("sh", "-c", run.resumeCommand + " --no-ui")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("resume.log").toFile())
            .start();
    assertTrue(resume.waitFor(120, TimeUnit.SECONDS), "the resume finishes");
    String resumeLog = Files.readString(dir.resolve("resume.log"));
    assertEquals(0, resume.exitValue(), resumeLog);
    assertTrue(resumeLog.contains("resuming search"), resumeLog);
    List<String> rows = SearchCommandTest.csvRows(dir.resolve("out/run1"));
    assertEquals(ITERATIONS, rows.size(), "the resume completes the budget: " + resumeLog);
    assertTrue(rows.stream().allMatch(r -> r.contains(",COMPLETE,")), String.join("\n", rows));
  }

  @Test
  void sigtermReportsTheCompletedTrialsNotNoTrialCompleted() throws Exception {
    Run run = interruptMidSearch("TERM");
    assertEquals(143, run.exitCode, run.output);
    assertFalse(run.output.contains("no trial completed"), run.output);
  }

  private record Run(int exitCode, String output, String resumeCommand) {}

  private Run interruptMidSearch(String signal) throws Exception {
    Path jar = jar();
    Files.writeString(dir.resolve("search.yaml"), config());
    Path journal = dir.resolve("out/run1/journal.jsonl");
    List<String> command = new ArrayList<>();
    // A JVM started with SIGINT ignored (a background job of a script, as under some CI runners) never sees Ctrl-C:
    // give the child the default disposition, as a terminal would.
    if (envResetsSignals()) {
      command.addAll(List.of("env", "--default-signal=INT"));
    }
    command.addAll(List.of(java(), "-jar", jar.toString(), "--no-ui", "--results", "out/run1", "search.yaml"));
    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long signalled;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (endEvents(journal) < 4) {
        assertTrue(child.isAlive(), "the child ended early: " + Files.readString(log));
        assertTrue(System.nanoTime() < deadline, "no progress: " + Files.readString(log));
        Thread.sleep(20);
      }
      new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start().waitFor();
      signalled = System.nanoTime();
      // The summary and the hint come first, before the final result pass; wait for them.
      while (!Files.readString(log).contains("resume with: ")) {
        assertTrue(System.nanoTime() - signalled < TimeUnit.SECONDS.toNanos(20), "no resume hint: " + Files.readString(log));
        Thread.sleep(10);
      }
      double hintSeconds = (System.nanoTime() - signalled) / 1e9;
      System.out.printf("SIG%s: summary and resume hint %.3f s after the signal%n", signal, hintSeconds);
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child exits after the bounded final pass");
    } finally {
      child.destroyForcibly();
    }
    String output = Files.readString(log);
    Matcher summary = SUMMARY.matcher(output);
    assertTrue(summary.find(), "one-line summary: " + output);
    int finished = Integer.parseInt(summary.group(1));
    assertTrue(finished >= 4 && finished < ITERATIONS, "interrupted mid-search: " + output);
    assertTrue(Integer.parseInt(summary.group(2)) >= 4, "completed trials are counted: " + output);
    assertTrue(output.contains("results are up to date in"), "the final pass ran and said so: " + output);
    String hint = output.lines().filter(l -> l.startsWith("resume with: ")).findFirst().orElseThrow();
    String resumeCommand = hint.substring("resume with: ".length());
    assertEquals("java -jar " + jar + " search.yaml out/run1", resumeCommand.replace("'", ""));
    return new Run(child.exitValue(), output, resumeCommand);
  }

  private String config() {
    Path testClasses = Path.of(System.getProperty("hypermax.test.classes", "target/test-classes")).toAbsolutePath();
    return SearchCommandTest.config(dir.resolve("unused"), "random", "slowBowl", ITERATIONS, "")
        .replace("  method: slowBowl", "  method: slowBowl\n  classpath: [" + testClasses.toString().replace("\\", "/") + "]");
  }

  private static Path jar() {
    String property = System.getProperty("hypermax.cli.jar");
    assumeTrue(property != null && Files.isRegularFile(Path.of(property)), "the shaded CLI jar is built (mvn verify)");
    return Path.of(property).toAbsolutePath();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static boolean envResetsSignals() {
    try {
      return new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static long endEvents(Path journal) throws Exception {
    return Files.exists(journal) ? Files.readAllLines(journal).stream().filter(l -> l.contains("\"event\":\"end\"")).count() : 0;
  }
}
