package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smaller CLI frictions of issue 16, each with the behaviour a user sees. */
class CliBehaviourTest {
  @TempDir Path dir;

  @Test
  void bareUsageAndUsageErrorsGoToStderrWithExitTwo() {
    Cli bare = Cli.run();
    assertEquals(2, bare.exitCode(), bare.toString());
    assertEquals("", bare.out(), "nothing on stdout: " + bare);
    assertTrue(bare.err().startsWith("usage: hypermax CONFIG"), bare.toString());
    Cli wrong = Cli.run("--no-such-option");
    assertEquals(2, wrong.exitCode());
    assertEquals("", wrong.out(), wrong.toString());
    assertTrue(wrong.err().contains("Unknown option: '--no-such-option'"), wrong.toString());
  }

  @Test
  void aProcessExecutorWithoutATimeLimitIsWarnedThatAHungTrialStallsTheSearch() throws Exception {
    String config = """
        hyperparameters:
          type: object
          properties:
            x: {type: number, min: 0, max: 1}
        function:
          type: executable
          command: [echo, "{x}"]
        %s
        search: {method: random, iterations: 2}
        """;
    Path unlimited = write("unlimited.yaml", config.formatted(""));
    Cli warned = Cli.run("validate", unlimited.toString());
    assertEquals(0, warned.exitCode(), warned.toString());
    assertTrue(warned.err().contains("function.auto_kill_max_time is not set, so a trial that hangs stalls the search forever"),
        warned.toString());
    Path limited = write("limited.yaml", config.formatted("  auto_kill_max_time: 600\n  auto_kill_loss: 1\n"));
    Cli quiet = Cli.run("validate", limited.toString());
    assertEquals(0, quiet.exitCode(), quiet.toString());
    assertFalse(quiet.err().contains("auto_kill_max_time"), quiet.toString());
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void versionPrintsTheMavenVersionAndTheGitCommit() throws Exception {
    Cli version = Cli.run("--version");
    assertEquals(0, version.exitCode(), version.toString());
    String pomVersion = Files.readString(Path.of("pom.xml"))
        .replaceAll("(?s).*?<parent>.*?<version>([^<]+)</version>.*", "$1");
    assertTrue(version.out().startsWith("hypermax " + pomVersion + " (commit "), version.toString());
    assertFalse(version.out().contains("development build"), version.toString());
    // The commit is a hex abbreviation, or "unknown" when the build had no git (a source tarball).
    assertTrue(Pattern.compile("\\(commit ([0-9a-f]{7,40}|unknown)\\)").matcher(version.out()).find(), version.toString());
  }

  @Test
  void resultsNamesANewResultsDirectoryAndRefusesAnExistingOne() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", 3, ""));
    Path named = dir.resolve("experiments/first");
    Cli cli = Cli.run("--no-ui", "--results", named.toString(), config.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals(3, SearchCommandTest.csvRows(named).size());
    assertFalse(Files.exists(dir.resolve("results_0")), "no results_N besides the named directory");

    Cli again = Cli.run("--no-ui", "--results", named.toString(), config.toString());
    assertEquals(2, again.exitCode(), again.toString());
    assertTrue(again.err().contains(named + ": already exists"), again.toString());
    assertEquals(3, SearchCommandTest.csvRows(named).size(), "the existing directory is untouched");

    Cli both = Cli.run("--no-ui", "--results", dir.resolve("other").toString(), config.toString(), named.toString());
    assertEquals(2, both.exitCode(), both.toString());
    assertTrue(both.err().contains("cannot be combined with RESULTS_DIR"), both.toString());
  }

  @Test
  void quietPrintsNoProgressAndNoWarningsButTheSummary() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", 4, ""));
    assertEquals(0, Cli.run("--no-ui", config.toString()).exitCode());
    // Resuming with another search.seed is a warning from library code (SearchRun), logged through SLF4J.
    Files.writeString(config, Files.readString(config).replace("seed: 3", "seed: 4"));
    Cli normal = Cli.run("--no-ui", "--iterations", "6", config.toString(), dir.resolve("results_0").toString());
    assertEquals(0, normal.exitCode(), normal.toString());
    assertTrue(normal.err().contains("warning: resuming ") && normal.err().contains("with its original seed 3, not 4"), normal.toString());
    assertTrue(normal.out().contains("trial 5 (6/6)"), "one line per trial when stdout is not a terminal: " + normal);

    Cli quiet = Cli.run("--quiet", "--iterations", "8", config.toString(), dir.resolve("results_0").toString());
    assertEquals(0, quiet.exitCode(), quiet.toString());
    assertEquals("", quiet.err(), "no warning with --quiet: " + quiet);
    assertFalse(quiet.out().contains("trial 7 (8/8)"), "no progress lines: " + quiet);
    assertTrue(quiet.out().contains("best loss:"), "the result is still printed: " + quiet);
  }

  @Test
  void verboseShowsInformationFromLibraryLoggers() {
    org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("io.hypermax.test.Library");
    io.hypermax.cli.logging.ConsoleLogLevel.configure(0, false);
    Cli.Captured normal = Cli.capture(() -> log.info("a note"));
    assertEquals("", normal.err());
    io.hypermax.cli.logging.ConsoleLogLevel.configure(1, false);
    Cli.Captured verbose = Cli.capture(() -> log.info("a note about {}", "x"));
    assertEquals("info: a note about x\n", verbose.err().replace("\r", ""));
    io.hypermax.cli.logging.ConsoleLogLevel.configure(0, true);
    Cli.Captured quiet = Cli.capture(() -> log.warn("a warning"));
    assertEquals("", quiet.err());
    io.hypermax.cli.logging.ConsoleLogLevel.configure(0, false);
    // A flag on the command line sets the level for that invocation (subcommands inherit -v/--quiet).
    Cli help = Cli.run("plugins", "-v");
    assertEquals(0, help.exitCode(), help.toString());
  }

  @Test
  void tablesFitTheTerminalWidth() {
    TextTable table = new TextTable("KIND", "ID", "DESCRIPTION", "JAR").cutFromLeft(3);
    table.add("optimizer", "tpe", "Tree-structured Parzen estimator with a long description that goes on and on", "/a/very/long/path/to/hypermax-optimizers.jar");
    table.add("executor", "java_function", "Calls a method", "(class path)");
    for (int width : new int[] {60, 80, 120}) {
      List<String> lines = table.render(width);
      assertTrue(lines.stream().allMatch(l -> l.length() <= width), width + ": " + lines);
      assertTrue(lines.get(1).contains(" tpe "), "short columns keep their text: " + lines);
      assertTrue(lines.get(1).endsWith("optimizers.jar"), "paths keep their end (the file name): " + lines);
    }
    assertTrue(table.render(400).get(1).contains("goes on and on"), "nothing is cut when it fits");
    assertEquals(72, TerminalWidth.detect(Map.of("COLUMNS", "72"), () -> 200));
    assertEquals(150, TerminalWidth.detect(Map.of(), () -> 150));
    assertEquals(TerminalWidth.FALLBACK, TerminalWidth.detect(Map.of("COLUMNS", "x"), () -> 0));
  }

  @Test
  void javaFunctionTrialsFillCpuSecondsInResultsCsv() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", 3, ""));
    assertEquals(0, Cli.run("--no-ui", config.toString()).exitCode());
    List<String> lines = Files.readAllLines(dir.resolve("results_0/results.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    int cpu = header.indexOf("cpu_seconds");
    int allocated = header.indexOf("allocated_mib");
    assertTrue(cpu > 0 && allocated > 0, header.toString());
    for (String row : lines.subList(1, lines.size())) {
      String[] cells = row.split(",", -1);
      assertFalse(cells[cpu].isEmpty(), "cpu_seconds filled: " + row);
      assertTrue(Double.parseDouble(cells[cpu]) >= 0, row);
      assertFalse(cells[allocated].isEmpty(), "allocated_mib filled: " + row);
    }
  }

  @Test
  void thePluginsCommandFitsTheDetectedWidth() {
    Cli cli = Cli.run("plugins");
    int width = TerminalWidth.detect();
    assertTrue(cli.out().lines().allMatch(l -> l.length() <= width), width + "\n" + cli);
  }

  @Test
  void theLiveBarRedrawsAtMostAFewTimesASecond() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    long[] now = {0};
    ProgressListener live = new ProgressListener(new java.io.PrintStream(bytes, true), true, () -> now[0]);
    io.hypermax.core.space.SearchSpace space = io.hypermax.core.space.SearchSpace.builder().number("x", 0, 1).build();
    java.util.List<io.hypermax.core.trial.Trial> trials = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      now[0] += 10_000_000L; // a trial every 10 ms: 1 s in all
      var assignment = new io.hypermax.core.space.Assignment(Map.of("x", 0.5));
      io.hypermax.core.trial.Trial t =
          io.hypermax.core.trial.Trial.running(i, assignment, space.nest(assignment), java.time.Instant.now())
              .finish(io.hypermax.core.trial.TrialResult.complete(1.0 / (i + 1), 0.01, Map.of()), java.time.Instant.now());
      trials.add(t);
      live.trialFinished(t, new io.hypermax.core.history.StudySnapshot(space, List.copyOf(trials), io.hypermax.core.objective.Direction.MINIMIZE, 100, 1));
    }
    long redraws = bytes.toString().chars().filter(c -> c == '\r').count();
    assertTrue(redraws >= 2 && redraws <= ProgressListener.REDRAWS_PER_SECOND + 2, redraws + " redraws in 1 s");
    assertTrue(bytes.toString().contains("100/100"), "the last trial is always drawn");
  }
}
