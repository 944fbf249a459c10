package io.hypermax.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Maven version and git commit that the build wrote into version.properties. */
final class VersionProvider implements IVersionProvider {
  static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    Properties p = read();
    String version = p.getProperty("version", "unknown");
    String commit = p.getProperty("commit", "unknown");
    // Unfiltered placeholders mean the classes were not built by Maven (e.g. an IDE): say so.
    if (version.startsWith("${")) {
      version = "unknown (not built with Maven)";
    }
    if (commit.isBlank() || commit.startsWith("${")) {
      commit = "unknown";
    }
    return new String[] {"hypermax " + version + " (commit " + commit + ")", "java " + System.getProperty("java.version")};
  }

  private static Properties read() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // an unreadable resource leaves the version unknown
    }
    return p;
  }
}
