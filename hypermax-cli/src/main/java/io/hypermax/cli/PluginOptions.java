package io.hypermax.cli;

import io.hypermax.core.internal.plugin.PluginPath;
import io.hypermax.core.internal.plugin.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where drop-in plugin jars come from: {@code plugins/} beside the launcher (the
 * {@code hypermax.home} system property), {@code --plugin-path} folders or jars, and the config's
 * {@code plugins:} list.
 */
final class PluginOptions {
  @Option(
      names = "--plugin-path",
      paramLabel = "PATH",
      split = ":",
      description = "Extra plugin jars or folders of jars (colon-separated, repeatable).")
  List<Path> pluginPath = new ArrayList<>();

  List<Path> entries(List<Path> fromConfig) {
    List<Path> all = new ArrayList<>();
    String home = System.getProperty("hypermax.home");
    if (home != null) {
      Path dir = Path.of(home).resolve("plugins");
      if (Files.isDirectory(dir)) {
        all.add(dir);
      }
    }
    for (Path p : pluginPath) {
      if (!Files.exists(p)) {
        throw new UserException("--plugin-path " + p + ": not found", ErrorHandler.CONFIG_ERROR);
      }
    }
    all.addAll(pluginPath);
    all.addAll(fromConfig);
    return all;
  }

  /** Loads plugins and makes their class loader the context loader (user classes resolve through it too). */
  Plugins load(List<Path> fromConfig) {
    ClassLoader loader = PluginPath.classLoader(entries(fromConfig), Main.class.getClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    return Plugins.load(loader);
  }
}
