package io.hypermax.cli.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console UI as a person sees it: the real CLI jar in a real terminal (tmux on a private socket,
 * TERM=xterm-256color as over ssh), driven by send-keys and read with capture-pane. Runs after
 * package (failsafe); skipped with a message when tmux is missing.
 */
class ConsoleUiTmuxJarTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @BeforeEach
  void needsTmuxAndTheJar() {
    assumeTrue(Tmux.available(), "tmux is not installed: the console UI tests need it (apt-get install tmux)");
    String jar = System.getProperty("hypermax.cli.jar");
    assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "the shaded CLI jar is built (mvn verify)");
  }

  private void config(int iterations, double sleep, int parallel) throws Exception {
    Files.writeString(dir.resolve("search.yaml"), """
        hyperparameters:
          type: object
          properties:
            x: {type: number, min: -5, max: 5}
            y: {type: number, min: -5, max: 5}
            kind: {enum: [a, b]}
        function:
          type: executable
          command: sh -c 'echo training x={x}; sleep %s; awk -v x={x} -v y={y} "BEGIN{print (x-1)^2+(y+2)^2}"'
          parallel: %d
          auto_kill_max_time: 60
          auto_kill_loss: 1000
        search:
          method: tpe
          iterations: %d
          seed: 3
        results:
          graphs: false
        """.formatted(sleep, parallel, iterations));
  }

  /** The jar in the session's shell; afterwards the shell prints the exit code and the tty's modes. */
  private Tmux start(String javaOptions, int width, int height) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cmd = "cd '" + dir + "' && " + java + " " + javaOptions + " -jar '" + System.getProperty("hypermax.cli.jar")
        + "' search.yaml --results out; echo EXIT=$?; echo TTY: $(stty -a | tr -s ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo|isig)'); exec sleep 600";
    return new Tmux(cmd, width, height);
  }

  /** Keeps what the screen showed, for docs/ui.md (target/ui-screens/NAME.txt). */
  private static void keep(String name, String screen) throws Exception {
    Path d = Files.createDirectories(Path.of("target", "ui-screens"));
    Files.writeString(d.resolve(name + ".txt"), screen);
  }

  private static void assertRestored(Tmux t, String screen) throws Exception {
    String tty = screen.lines().filter(l -> l.startsWith("TTY:")).findFirst().orElse("");
    assertEquals(Set.of("icanon", "isig", "echo"), Set.of(tty.substring(4).trim().split(" ")),
        "the tty is back in cooked mode with echo and signals:\n" + screen);
    assertFalse(t.alternateScreen(), "the alternate screen was left");
  }

  @Test
  void rendersResizesOpensATrialAndALockTypedInTheUiReachesLaterTrials() throws Exception {
    config(400, 0.3, 2);
    try (Tmux t = start("", 120, 36)) {
      String s = t.await("the overview with a best loss and running trials", 60,
          x -> x.matches("(?s).*trials (1[2-9]|[2-9]\\d)/400.*best \\d.*\\(trial \\d+\\).*") && x.contains("Running trials (2)")
              && x.contains("Rolling loss") && x.contains(" MiB  CPU"));
      keep("overview", s);
      assertTrue(s.contains("[1 Overview]") && s.contains("Current best") && s.matches("(?s).*#\\d+ +0m0\\ds  RSS +\\d+ MiB  CPU +\\d+\\.\\ds.*"), s);
      assertTrue(s.lines().anyMatch(l -> l.length() == 120 && l.chars().allMatch(c -> c == '-')), "drawn at the width of 120:\n" + s);

      t.resize(90, 28);
      s = t.await("the screen redrawn at 90x28", 10, x -> x.lines().anyMatch(l -> l.length() == 90 && l.chars().allMatch(c -> c == '-')));
      assertTrue(s.lines().allMatch(l -> l.length() <= 90), s);
      assertEquals(28, s.lines().count(), s);

      t.keys("2");
      keep("trials", t.await("the trials table", 10, x -> x.contains("[2 Trials]") && x.contains("trial ^") && x.contains("> 0 ")));
      t.keys("Enter");
      s = t.await("trial 0 opened as JSON with its log", 10, x -> x.contains("== trial 0") && x.contains("\"parameters\""));
      t.keys("PageDown");
      t.keys("PageDown");
      t.await("the log tail of trial 0", 10, x -> x.contains("training x="));
      t.keys("Escape");

      t.keys("g");
      t.await("the guidance view", 10, x -> x.contains("Human guidance") && x.contains("> x "));
      t.keys("Down");
      t.keys("l");
      t.await("the lock prompt", 10, x -> x.contains("lock y to:"));
      for (int i = 0; i < 25; i++) {
        t.run("send-keys", "-t", "0", "BSpace");
      }
      t.type("0.5");
      t.keys("Enter");
      keep("guidance", t.await("the lock applied", 10, x -> x.contains("locked = 0.5") && x.contains("applied: lock y = 0.5")));
      t.keys("Escape");
      t.keys("4");
      keep("optimizer", t.await("the optimizer view lists the lock", 10, x -> x.contains("Locked parameters:") && x.contains("  y = 0.5")));
      t.keys("3");
      keep("analysis", t.await("importance and correlations", 10, x -> x.contains("Importance") && x.contains("Correlation with the loss")));
      Thread.sleep(2500); // a few trials under the lock

      t.keys("q");
      keep("quit", t.await("the quit question", 10, x -> x.contains("Quit the console UI?") && x.contains("stop the search")));
      t.keys("s");
      s = t.await("the search stopped and the shell back", 60, x -> x.contains("EXIT=") && x.contains("TTY:"));
      assertTrue(s.contains("EXIT=130"), s);
      assertTrue(s.contains("stopped from the console UI; resume with:"), s);
      assertRestored(t, s);
    }
    // Every trial started after the lock was journaled has y = 0.5; some did run.
    List<String> lines = Files.readAllLines(dir.resolve("out/journal.jsonl"));
    boolean locked = false;
    Set<Integer> before = new HashSet<>();
    List<Double> afterY = new ArrayList<>();
    for (String line : lines) {
      JsonNode n = JSON.readTree(line);
      String event = n.path("event").asText();
      if (event.equals("guidance")) {
        assertEquals("ui", n.path("source").asText());
        locked = true;
      } else if (event.equals("start")) {
        if (!locked) {
          before.add(n.path("trial").asInt());
        } else if (!before.contains(n.path("trial").asInt())) {
          afterY.add(n.path("params").path("y").asDouble());
        }
      }
    }
    assertTrue(locked, "the lock is in the journal");
    assertTrue(afterY.size() >= 3, "trials ran under the lock: " + afterY);
    assertTrue(afterY.stream().allMatch(y -> y == 0.5), "every later trial has y = 0.5: " + afterY);
    assertTrue(Files.readString(dir.resolve("out/guidance.csv")).contains(",ui,lock,y,0.5,,"));
  }

  @Test
  void quittingHeadlessLeavesTheSearchRunningToTheEnd() throws Exception {
    config(40, 0.15, 1);
    try (Tmux t = start("", 100, 30)) {
      t.await("the overview", 60, x -> x.contains("[1 Overview]") && x.contains("Running trials (1)"));
      t.keys("q");
      t.await("the quit question", 10, x -> x.contains("Quit the console UI?"));
      t.keys("h");
      String s = t.await("the headless note", 10, x -> x.contains("console UI closed: the search goes on headless"));
      assertFalse(t.alternateScreen(), "the UI gave the screen back while the search runs:\n" + s);
      s = t.await("the end of the search and the tty line", 90, x -> x.contains("EXIT=") && x.contains("TTY:"));
      assertTrue(s.contains("EXIT=0") && s.contains("40 trials finished (40 complete)"), s);
      assertRestored(t, s);
    }
  }

  @Test
  void whenTheUiItselfFailsTheSearchGoesOnAndTheTerminalIsRestored() throws Exception {
    config(30, 0.15, 1);
    try (Tmux t = start("-D" + ConsoleUi.CRASH_PROPERTY + "=true", 100, 30)) {
      t.await("the overview", 60, x -> x.contains("[1 Overview]"));
      t.type("!");
      String s = t.await("the failure note", 10, x -> x.contains("warning: the console UI failed"));
      assertTrue(s.contains("the search goes on with progress lines"), s);
      assertFalse(t.alternateScreen(), s);
      s = t.await("the end of the search and the tty line", 90, x -> x.contains("EXIT=") && x.contains("TTY:"));
      assertTrue(s.contains("EXIT=0") && s.contains("30 trials finished (30 complete)"), s);
      assertRestored(t, s);
    }
  }

  @Test
  void ctrlCInTheUiStopsLikeASignalAndRestoresTheTerminal() throws Exception {
    config(200, 0.2, 1);
    try (Tmux t = start("", 100, 30)) {
      t.await("a finished trial", 60, x -> x.matches("(?s).*trials [1-9]\\d*/200.*"));
      t.keys("C-c");
      String s = t.await("the shell back", 60, x -> x.contains("EXIT=") && x.contains("TTY:"));
      assertTrue(s.contains("EXIT=130") && s.contains("resume with:"), s);
      assertRestored(t, s);
    }
  }
}
