package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./hypermax} launcher, run by bash on a copy of the repository layout with a fake
 * {@code mvn} (prints Maven's per-module lines, writes the jar) and a fake {@code java} (prints its
 * arguments): it builds with progress on first use, reuses a fresh jar, and rebuilds a stale one.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
  @TempDir Path home;
  Path bin;
  Path mvnCalls;
  Path source;
  Path jar;

  @BeforeEach
  void layout() throws Exception {
    Files.copy(Path.of("..", "hypermax"), home.resolve("hypermax"));
    Files.writeString(home.resolve("pom.xml"), "<project/>");
    for (String module : List.of("hypermax-core", "hypermax-cli")) {
      Files.createDirectories(home.resolve(module + "/src/main/java"));
      Files.writeString(home.resolve(module + "/pom.xml"), "<project/>");
    }
    source = home.resolve("hypermax-core/src/main/java/A.java");
    Files.writeString(source, "class A {}");
    jar = home.resolve("hypermax-cli/target/hypermax-cli-1.0-all.jar");
    bin = Files.createDirectories(home.resolve("fakebin"));
    mvnCalls = home.resolve("mvn-calls.txt");
    script("mvn", """
        #!/bin/sh
        echo "$@" >> "%s"
        [ -n "$FAIL_BUILD" ] && { echo "[ERROR] COMPILATION ERROR: A.java:[1,1] broken"; exit 1; }
        echo "[INFO] Scanning for projects..."
        echo "[INFO] Building hypermax-core 1.0                              [1/2]"
        echo "[INFO] Compiling 3 source files"
        echo "[INFO] Building hypermax-cli 1.0                               [2/2]"
        mkdir -p hypermax-cli/target && echo jar > hypermax-cli/target/hypermax-cli-1.0-all.jar
        """.formatted(mvnCalls));
    script("java", "#!/bin/sh\necho \"java $*\"\n");
    setMtime(source, Instant.now().minusSeconds(3600));
    for (Path pom : List.of(home.resolve("pom.xml"), home.resolve("hypermax-core/pom.xml"), home.resolve("hypermax-cli/pom.xml"))) {
      setMtime(pom, Instant.now().minusSeconds(3600));
    }
  }

  @Test
  void buildsWithProgressOnFirstUseThenReusesTheJar() throws Exception {
    Result first = launch("--version");
    assertEquals(0, first.exit, first.toString());
    assertTrue(first.err.contains("building the CLI jar (first run only"), first.toString());
    assertTrue(first.err.contains("hypermax:   hypermax-core (1/2)"), "per-module progress: " + first);
    assertTrue(first.err.contains("hypermax:   hypermax-cli (2/2)"), first.toString());
    assertFalse(first.err.contains("Compiling 3 source files"), "Maven's chatter is not shown: " + first);
    assertTrue(first.out.contains("-jar " + jar + " --version"), first.toString());
    assertEquals(1, calls());

    Result second = launch("--version");
    assertEquals(0, second.exit, second.toString());
    assertEquals("", second.err, "a fresh jar is used as it is: " + second);
    assertEquals(1, calls());
  }

  @Test
  void rebuildsWhenASourceOrAPomIsNewerThanTheJar() throws Exception {
    assertEquals(0, launch().exit);
    setMtime(jar, Instant.now().minusSeconds(60));
    Files.writeString(source, "class A { int changed; }"); // now newer than the jar
    Result changed = launch();
    assertTrue(changed.err.contains("sources changed since hypermax-cli-1.0-all.jar was built; rebuilding"), changed.toString());
    assertEquals(2, calls());

    assertEquals("", launch().err, "rebuilt once, then fresh");
    setMtime(jar, Instant.now().minusSeconds(60));
    Files.writeString(home.resolve("hypermax-cli/pom.xml"), "<project><!-- changed --></project>");
    assertTrue(launch().err.contains("rebuilding"), "a changed pom rebuilds too");
    assertEquals(3, calls());
  }

  @Test
  void aFailedBuildShowsTheErrorsAndDoesNotRunJava() throws Exception {
    Result failed = launch(List.of("FAIL_BUILD=1"));
    assertTrue(failed.exit != 0, failed.toString());
    assertTrue(failed.err.contains("the build failed"), failed.toString());
    assertTrue(failed.err.contains("[ERROR] COMPILATION ERROR: A.java:[1,1] broken"), failed.toString());
    assertFalse(failed.out.contains("java "), failed.toString());
  }

  private record Result(int exit, String out, String err) {}

  private Result launch(String... args) throws Exception {
    return launch(List.of(), args);
  }

  private Result launch(List<String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("env", "PATH=" + bin + ":/usr/bin:/bin"));
    command.addAll(env);
    command.add(home.resolve("hypermax").toString());
    command.addAll(List.of(args));
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    Process p =
        new ProcessBuilder(command).directory(home.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private long calls() throws Exception {
    return Files.exists(mvnCalls) ? Files.readAllLines(mvnCalls).size() : 0;
  }

  private void script(String name, String text) throws Exception {
    Path file = bin.resolve(name);
    Files.writeString(file, text.stripIndent());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void setMtime(Path file, Instant when) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(when));
  }
}
