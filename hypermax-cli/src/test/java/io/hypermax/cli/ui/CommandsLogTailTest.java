package io.hypermax.cli.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console UI's log tail reads a trial's own log only: no symbolic link leads it out of the results directory. */
class CommandsLogTailTest {
  @TempDir Path tmp;

  private List<String> tail(Path results, int trial, int lines) {
    return new Commands(null, results, null).logTail(trial, lines);
  }

  @Test
  void showsTheLastLinesOfTheTrialsLog() throws Exception {
    Path results = Files.createDirectories(tmp.resolve("results"));
    Path logs = Files.createDirectories(results.resolve("logs"));
    Files.writeString(logs.resolve("trial_3.txt"), "epoch 1\nepoch 2\nepoch 3\n");
    assertEquals(List.of("epoch 2", "epoch 3"), tail(results, 3, 2));
    assertEquals(List.of(), tail(results, 4, 2), "no log yet");
  }

  @Test
  void aLongLogIsShownFromAWholeLine() throws Exception {
    Path results = Files.createDirectories(tmp.resolve("results"));
    Path logs = Files.createDirectories(results.resolve("logs"));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("line ").append(i).append('\n');
    }
    Files.writeString(logs.resolve("trial_0.txt"), text);
    List<String> shown = tail(results, 0, 100_000);
    assertEquals("line 19999", shown.get(shown.size() - 1));
    assertEquals(List.of(), shown.stream().filter(l -> !l.matches("line \\d+")).toList(), "no cut line at the start");
  }

  @Test
  void aLogsFolderThatIsALinkIsNotRead() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("trial_1.txt"), "not this study's\n");
    Path results = Files.createDirectories(tmp.resolve("results"));
    Files.createSymbolicLink(results.resolve("logs"), outside);
    assertEquals(List.of(), tail(results, 1, 30));
  }

  @Test
  void aLogThatIsALinkIsNotRead() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "password=hunter2\n");
    Path results = Files.createDirectories(tmp.resolve("results"));
    Path logs = Files.createDirectories(results.resolve("logs"));
    Files.createSymbolicLink(logs.resolve("trial_1.txt"), secret);
    assertEquals(List.of(), tail(results, 1, 30));
  }
}
