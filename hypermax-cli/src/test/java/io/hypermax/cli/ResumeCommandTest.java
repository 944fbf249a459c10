package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeCommandTest {
  @TempDir Path dir;

  @Test
  void wordsAreQuotedForAPosixShell() {
    assertEquals("results_0", ResumeCommand.quote("results_0"));
    assertEquals("'my results'", ResumeCommand.quote("my results"));
    assertEquals("'it'\\''s'", ResumeCommand.quote("it's"));
    assertEquals("'$(rm -rf x)'", ResumeCommand.quote("$(rm -rf x)"));
  }

  @Test
  void theLauncherIsNamedRelativeToTheWorkingDirectoryWithTheOptionsAResumeNeeds() throws Exception {
    Files.writeString(dir.resolve("hypermax"), "#!/bin/sh\n");
    String old = System.getProperty("hypermax.home");
    System.setProperty("hypermax.home", dir.toString());
    try {
      String command =
          ResumeCommand.of(dir, Path.of("cfg dir/search.yaml"), dir.resolve("results_3"), 80, List.of(Path.of("plugins/x.jar")));
      assertEquals("./hypermax --iterations 80 --plugin-path plugins/x.jar 'cfg dir/search.yaml' results_3", command);
      String elsewhere = ResumeCommand.of(dir.resolve("sub"), Path.of("s.yaml"), Path.of("/data/r"), null, List.of());
      assertEquals(dir.resolve("hypermax") + " s.yaml /data/r", elsewhere);
    } finally {
      if (old == null) {
        System.clearProperty("hypermax.home");
      } else {
        System.setProperty("hypermax.home", old);
      }
    }
  }
}
