package io.hypermax.core.internal.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import io.hypermax.core.stability.API;

/**
 * Builds the class loader for drop-in plugins: each entry is a jar, or a folder whose {@code *.jar}
 * files are all added (a folder without jars is added as a class folder).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class PluginPath {
  private PluginPath() {}

  /** The jars and class folders behind {@code entries}, in order; missing entries are skipped. */
  public static List<Path> expand(List<Path> entries) {
    List<Path> out = new ArrayList<>();
    for (Path entry : entries) {
      if (Files.isRegularFile(entry)) {
        out.add(entry);
      } else if (Files.isDirectory(entry)) {
        try (Stream<Path> files = Files.list(entry)) {
          List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
          if (jars.isEmpty()) {
            out.add(entry);
          } else {
            out.addAll(jars);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list plugin folder " + entry, e);
        }
      }
    }
    return out;
  }

  /** A class loader over {@code entries} with {@code parent} as parent, or the parent itself when there is nothing to add. */
  public static ClassLoader classLoader(List<Path> entries, ClassLoader parent) {
    List<Path> paths = expand(entries);
    if (paths.isEmpty()) {
      return parent;
    }
    URL[] urls = new URL[paths.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = paths.get(i).toAbsolutePath().toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("bad plugin path " + paths.get(i), e);
      }
    }
    return new URLClassLoader("hypermax-plugins", urls, parent);
  }
}
