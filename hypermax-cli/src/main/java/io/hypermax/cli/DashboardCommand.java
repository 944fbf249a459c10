package io.hypermax.cli;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.internal.config.WebUiSettings;
import io.hypermax.core.internal.run.SearchRun;
import io.hypermax.core.spi.StorageProvider;
import io.hypermax.core.study.Journal;
import io.hypermax.core.internal.storage.StorageUrls;
import io.hypermax.results.internal.dashboard.DashboardDocument;
import io.hypermax.results.internal.dashboard.DashboardOptions;
import io.hypermax.results.internal.dashboard.DashboardServer;
import io.hypermax.results.internal.dashboard.JournalFollower;
import io.hypermax.results.internal.dashboard.PasswordHash;
import io.hypermax.results.internal.dashboard.RunningUsage;
import io.hypermax.results.internal.dashboard.StorageSource;
import io.hypermax.results.internal.dashboard.StudySource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hypermax dashboard RESULTS_DIR} (or {@code --storage URL --config CONFIG}): serves the live web dashboard of a
 * finished or running study on 127.0.0.1 until Ctrl-C, and prints its address with the random token. The same
 * server runs beside a search with {@code ui.web: true} ({@link #besideSearch}). See docs/dashboard.md.
 */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    description = "Serve a live web dashboard of RESULTS_DIR (finished or running) or of a --storage study, on 127.0.0.1 with a random token.")
final class DashboardCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "RESULTS_DIR", description = "A results directory (holds journal.jsonl).")
  Path directory;

  @Option(names = "--config", paramLabel = "CONFIG",
      description = "The search configuration (default: RESULTS_DIR/search.json; needed with --storage).")
  Path config;

  @Option(names = "--storage", paramLabel = "URL", description = "Serve a shared study instead, e.g. postgresql://user@host:5432/db?study=name.")
  String storage;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default: 127.0.0.1).")
  String host = DashboardOptions.LOOPBACK;

  @Option(names = "--port", paramLabel = "PORT", description = "The port (default: 0, a free one).")
  int port;

  @Option(names = "--allow-remote", description = "Allow a --host that is not loopback (other hosts can then reach it; plain HTTP).")
  boolean allowRemote;

  @Option(names = "--password", description = "Also require a password (asked on the terminal, or the first line of stdin); kept only as a hash.")
  boolean askPassword;

  @Option(names = "--password-file", paramLabel = "FILE", description = "Also require the password on the first line of FILE.")
  Path passwordFile;

  @Option(names = "--poll-ms", paramLabel = "MS", description = "How often to look for new trials (default: 500).")
  long pollMillis = 500;

  /** Where the address is printed, and what stops the command (Ctrl-C, or a test). */
  PrintStream out = System.out;
  final CountDownLatch stopped = new CountDownLatch(1);
  volatile DashboardServer serving;

  @Override
  public Integer call() throws Exception {
    if ((directory == null) == (storage == null)) {
      throw new UserException("pass either RESULTS_DIR or --storage URL (with --config CONFIG)", ErrorHandler.CONFIG_ERROR);
    }
    Path dir = directory == null ? null : directory.toAbsolutePath().normalize();
    if (dir != null && !Journal.exists(dir)) {
      throw new UserException(dir + " is not a results directory: it has no " + Journal.FILE_NAME, ErrorHandler.CONFIG_ERROR);
    }
    Path configFile = config != null ? config : dir == null ? null : dir.resolve(SearchRun.CONFIG_COPY);
    if (configFile == null || !Files.isRegularFile(configFile)) {
      throw new UserException((configFile == null ? "--storage" : configFile + " not found")
          + ": pass the search configuration with --config", ErrorHandler.CONFIG_ERROR);
    }
    HypermaxConfig cfg = ConfigLoader.load(configFile);
    if (askPassword && passwordFile != null) {
      throw new UserException("--password and --password-file: give one of them", ErrorHandler.CONFIG_ERROR);
    }
    PasswordHash password = askPassword ? PasswordHash.of(readPassword()) : passwordFile != null ? fromFile(passwordFile) : null;
    DashboardOptions options;
    try { // checked before anything is opened: a bad --port or --poll-ms is a one-line error, not a stack trace
      options = new DashboardOptions(host, port, allowRemote, password, pollMillis);
    } catch (IllegalArgumentException e) {
      throw new UserException("dashboard: " + e.getMessage(), ErrorHandler.CONFIG_ERROR);
    }
    StudySource source = dir != null ? new JournalFollower(dir) : openStorage(storage);
    DashboardServer server = start(source, shape(cfg, cfg.iterations()), options);
    Thread hook = new Thread(stopped::countDown, "hypermax-dashboard-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("dashboard of " + source.description() + ":");
    out.println("  " + server.url());
    out.println("(open it in a browser; anyone with this address can read the study; Ctrl-C stops the dashboard)");
    out.flush();
    serving = server;
    try {
      stopped.await();
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is exiting: the hook is running
      }
    }
    return 0;
  }

  private static DashboardDocument.Shape shape(HypermaxConfig cfg, int iterations) {
    return new DashboardDocument.Shape(cfg.space(), cfg.direction(), iterations);
  }

  private static DashboardServer start(StudySource source, DashboardDocument.Shape shape, DashboardOptions options) {
    return start(source, shape, RunningUsage.NONE, options);
  }

  private static DashboardServer start(StudySource source, DashboardDocument.Shape shape, RunningUsage usage, DashboardOptions options) {
    try {
      return DashboardServer.start(source, shape, usage, options);
    } catch (IllegalArgumentException e) {
      source.close();
      throw new UserException(e.getMessage(), ErrorHandler.CONFIG_ERROR);
    } catch (java.io.UncheckedIOException e) {
      source.close();
      throw new UserException(e.getMessage(), 1);
    }
  }

  private static StudySource openStorage(String url) {
    try {
      return new StorageSource(StorageProvider.forUrl(url, DashboardCommand.class.getClassLoader()).open(url), StorageUrls.redact(url), null);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ErrorHandler.CONFIG_ERROR);
    } catch (IllegalStateException e) {
      throw new UserException(e.getMessage(), 1);
    }
  }

  private static char[] readPassword() throws IOException {
    java.io.Console console = System.console();
    if (console != null) {
      char[] p = console.readPassword("dashboard password: ");
      if (p == null || p.length == 0) {
        throw new UserException("--password: no password was typed", ErrorHandler.CONFIG_ERROR);
      }
      return p;
    }
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null || line.isEmpty()) {
      throw new UserException("--password: no password on stdin (and no terminal to ask on)", ErrorHandler.CONFIG_ERROR);
    }
    return line.toCharArray();
  }

  static PasswordHash fromFile(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      if (line == null || line.isEmpty()) {
        throw new UserException(file + ": the first line (the dashboard password) is empty", ErrorHandler.CONFIG_ERROR);
      }
      return PasswordHash.of(line.toCharArray());
    } catch (IOException e) {
      throw new UserException("cannot read the dashboard password file " + file + ": " + e.getMessage(), ErrorHandler.CONFIG_ERROR);
    }
  }

  /**
   * With {@code ui.web: true}, the dashboard of the search's own results directory, started before its first trial and
   * closed with it; null otherwise. Prints the address to {@code out}.
   */
  static DashboardServer besideSearch(HypermaxConfig cfg, Path resultsDirectory, int iterations, PrintStream out) {
    WebUiSettings web = cfg.webUi();
    if (!web.enabled()) {
      return null;
    }
    PasswordHash password = web.passwordFile() == null ? null : fromFile(cfg.directory().resolve(web.passwordFile()));
    // Beside its own search the dashboard also shows the live memory and CPU the executors sample.
    DashboardServer server = start(new JournalFollower(resultsDirectory), shape(cfg, iterations), RunningUsage.THIS_PROCESS,
        new DashboardOptions(web.host(), web.port(), web.allowRemote(), password, 500));
    out.println("dashboard: " + server.url());
    return server;
  }
}
