package io.hypermax.executors.internal.storage.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL 15 started for a test class on 127.0.0.1, a free port and a temporary folder
 * (docs/scale-out.md; /work/shared/reference/infra-on-loopback.md). When it cannot start (not
 * installed, not root) the tests are SKIPPED with the reason, never passed silently.
 */
public final class PostgresServer implements AutoCloseable {
  static final Path BIN = Path.of(System.getenv().getOrDefault("HYPERMAX_PG_BIN", "/usr/lib/postgresql/15/bin"));

  public final int port;
  private final Path dir;

  private PostgresServer(int port, Path dir) {
    this.port = port;
    this.dir = dir;
  }

  /** Starts one, or skips the calling test class with the reason. */
  public static PostgresServer startOrSkip() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(BIN.resolve("initdb")),
        "SKIPPED: PostgreSQL 15 is not installed (" + BIN + "/initdb missing; apt-get install postgresql)");
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "SKIPPED: starting PostgreSQL needs root (initdb runs as the postgres user via runuser)");
    Path dir = Files.createTempDirectory("hypermax-pg");
    run(List.of("chown", "postgres:", dir.toString()), dir);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String init = run(List.of("runuser", "-u", "postgres", "--", BIN.resolve("initdb").toString(), "-D", dir + "/data",
        "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"), dir);
    Assumptions.assumeTrue(init == null, "SKIPPED: initdb failed: " + init);
    String start = run(List.of("runuser", "-u", "postgres", "--", BIN.resolve("pg_ctl").toString(), "-D", dir + "/data",
        "-l", dir + "/pg.log", "-w", "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir + " -c fsync=off"
            + " -c max_connections=100", "start"), dir);
    Assumptions.assumeTrue(start == null, "SKIPPED: PostgreSQL did not start: " + start);
    return new PostgresServer(port, dir);
  }

  /** Runs a command; null when it succeeded, else its output. */
  private static String run(List<String> cmd, Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out: " + cmd;
    }
    return p.exitValue() == 0 ? null : cmd.get(cmd.size() > 3 ? 3 : 0) + ": " + out.strip();
  }

  /** Creates a database; returns its storage URL for {@code study}. */
  public String createDatabase(String db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    return db;
  }

  public String url(String db, String study, double heartbeatTimeout) {
    return "postgresql://postgres@127.0.0.1:" + port + "/" + db + "?study=" + study + "&heartbeat_timeout=" + heartbeatTimeout;
  }

  Connection connect(String db) throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db, "postgres", "");
  }

  @Override
  public void close() throws Exception {
    run(List.of("runuser", "-u", "postgres", "--", BIN.resolve("pg_ctl").toString(), "-D", dir + "/data", "-m", "immediate", "-w", "stop"), dir);
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> paths = new ArrayList<>(all.sorted(Comparator.reverseOrder()).toList());
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    }
  }
}
