package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A third-party optimizer, compiled outside the project's modules into its own jar, is used just by naming it. */
class DropInPluginTest {
  @TempDir Path dir;
  @TempDir static Path buildDir;
  static Path jar;

  @org.junit.jupiter.api.BeforeAll
  static void buildOnce() throws Exception {
    jar = buildPluginJar(buildDir);
  }

  static final String SOURCE =
      """
      package com.example.walk;

      import io.hypermax.core.space.Assignment;
      import io.hypermax.core.spi.Optimizer;
      import io.hypermax.core.spi.OptimizerProvider;
      import java.util.Map;

      /** Walks x and y along the diagonal: trial n gets x = y = -5 + n / 2. */
      public final class DiagonalWalk implements OptimizerProvider {
        public String id() { return "diagonal_walk"; }
        public String description() { return "Walks the diagonal (test plugin)."; }
        public java.util.Set<String> keys() { return java.util.Set.of("step"); }
        public Optimizer create(Context context) {
          double step = context.settings().number("step", 0.5);
          return request -> {
            double v = Math.min(5, -5 + request.trialNumber() * step);
            return request.space().complete(Map.of("x", v, "y", v), request.random());
          };
        }
      }
      """;

  static Path buildPluginJar(Path dir) throws Exception {
    Path src = dir.resolve("src/com/example/walk/DiagonalWalk.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, SOURCE);
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    int rc =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "--release", "17", "-cp", System.getProperty("java.class.path"), "-d", classes.toString(), src.toString());
    assertEquals(0, rc, "the plugin compiles against hypermax-core");
    Path jar = dir.resolve("plugins/diagonal-walk.jar");
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/io.hypermax.core.spi.OptimizerProvider"));
      OutputStream o = out;
      o.write("com.example.walk.DiagonalWalk\n".getBytes());
      out.closeEntry();
    }
    return jar;
  }

  @Test
  void aSearchUsesAnOptimizerFromAPluginJar() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "diagonal_walk", "bowl", 5, "  step: 1.0"));

    Cli without = Cli.run("--no-ui", config.toString());
    assertEquals(2, without.exitCode(), "unknown without the jar: " + without);
    assertTrue(without.err().contains("unknown search method 'diagonal_walk'"), without.toString());

    Cli with = Cli.run("--no-ui", "--plugin-path", jar.getParent().toString(), config.toString());
    assertEquals(0, with.exitCode(), with.toString());
    List<String> rows = SearchCommandTest.csvRows(dir.resolve("results_0"));
    assertEquals(5, rows.size());
    assertTrue(rows.get(3).startsWith("3,COMPLETE,"), rows.get(3));
    assertTrue(rows.get(3).contains(",-2.0,-2.0,"), "trial 3 is at x = y = -2: " + rows.get(3));
  }

  @Test
  void pluginsListsTheJarItCameFrom() throws Exception {
    Cli cli = Cli.run("plugins", "--plugin-path", jar.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    String line = cli.out().lines().filter(l -> l.contains("diagonal_walk")).findFirst().orElseThrow(() -> new AssertionError(cli));
    assertTrue(line.contains("diagonal-walk.jar"), line);
  }

  @Test
  void pluginsNamedInTheConfigAreLoadedRelativeToIt() throws Exception {
    Files.createDirectories(dir.resolve("plugins"));
    Files.copy(jar, dir.resolve("plugins/diagonal-walk.jar"));
    Path config = dir.resolve("search.yaml");
    Files.writeString(
        config,
        SearchCommandTest.config(dir.resolve("results"), "diagonal_walk", "bowl", 3, "") + "plugins: [plugins/diagonal-walk.jar]\n");
    Cli cli = Cli.run("--no-ui", config.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
  }
}
