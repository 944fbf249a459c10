package io.hypermax.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The exact shell command that resumes a search, printed when the search is interrupted. */
final class ResumeCommand {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private ResumeCommand() {}

  /**
   * The launcher or jar this JVM was started from, then CONFIG and RESULTS_DIR, then the options a
   * resume needs to reach the same budget ({@code --iterations}, {@code --plugin-path}). The seed is
   * not needed: a resume continues with the journal's seed.
   */
  static String of(Path workingDirectory, Path config, Path resultsDirectory, Integer iterations, List<Path> pluginPath) {
    List<String> words = new ArrayList<>(program(workingDirectory));
    if (iterations != null) {
      words.add("--iterations");
      words.add(iterations.toString());
    }
    for (Path p : pluginPath) {
      words.add("--plugin-path");
      words.add(p.toString());
    }
    words.add(config.toString());
    words.add(relative(workingDirectory, resultsDirectory));
    return String.join(" ", words.stream().map(ResumeCommand::quote).toList());
  }

  /** The command that redraws the result files of a results directory from its journal. */
  static String regenerate(Path workingDirectory, Path resultsDirectory) {
    List<String> words = new ArrayList<>(program(workingDirectory));
    words.add("results");
    words.add(relative(workingDirectory, resultsDirectory));
    return String.join(" ", words.stream().map(ResumeCommand::quote).toList());
  }

  private static List<String> program(Path workingDirectory) {
    String home = System.getProperty("hypermax.home");
    if (home != null && Files.isRegularFile(Path.of(home, "hypermax"))) {
      String launcher = relative(workingDirectory, Path.of(home, "hypermax"));
      return List.of(launcher.contains("/") ? launcher : "./" + launcher);
    }
    try {
      Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (jar.toString().endsWith(".jar")) {
        return List.of("java", "-jar", relative(workingDirectory, jar));
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through: classes from a folder (tests, an IDE)
    }
    return List.of("hypermax");
  }

  /** {@code p} relative to the working directory when it lies inside it (shorter to read and to copy). */
  static String relative(Path workingDirectory, Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path wd = workingDirectory.toAbsolutePath().normalize();
    return abs.startsWith(wd) && !abs.equals(wd) ? wd.relativize(abs).toString() : abs.toString();
  }

  /** POSIX shell quoting: plain words stay as they are, anything else is single-quoted. */
  static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
