package io.hypermax.executors.internal.ssh;

import com.jcraft.jsch.ChannelExec;
import io.hypermax.core.internal.concurrent.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the local {@code rsync} with {@code --rsh} set to a tiny helper script that, instead of
 * opening a new ssh connection, hands rsync's byte stream to hypermax through two named pipes;
 * hypermax carries it over an exec channel of the host's existing session (host key already
 * checked, same authentication). So rsync's own delta transfer runs over the pooled connection.
 *
 * <p>The helper (mode 700, in a private temporary folder) writes the remote command rsync asked for
 * ({@code rsync --server …}) to a file, then relays its stdin to the pipe {@code up} and the pipe
 * {@code down} to its stdout, and exits when {@code down} ends (the remote finished), as ssh exits
 * when the channel closes. hypermax runs that command on the channel, as ssh would: the words
 * joined by spaces (rsync quotes them for the remote shell itself).
 */
final class RsyncTunnel {
  private static final String HELPER = """
      #!/bin/sh
      # rsync runs: rsync-rsh [-l USER] HOST COMMAND...; the host's session is hypermax's.
      d=$(dirname "$0")
      if [ "$1" = "-l" ]; then shift 2; fi
      shift
      printf '%s\\0' "$@" > "$d/command.new" && mv -f "$d/command.new" "$d/command" || exit 1
      exec 3<&0
      cat <&3 > "$d/up" &
      up=$!
      exec 3<&-
      cat "$d/down"
      # the remote side ended (as ssh does when the channel closes): stop relaying and exit
      kill "$up" 2>/dev/null
      """;

  /** What the rsync run did: its exit code and what it printed (stdout, then the remote's stderr). */
  record Result(int exitCode, String output, String remoteErrors) {}

  private RsyncTunnel() {}

  /**
   * Runs {@code rsync ARGS} locally, where {@code ARGS} name the remote side as {@code hypermax:PATH};
   * the helper is passed as {@code --rsh}.
   */
  static Result run(HostConnection connection, List<String> args) throws HostUnavailableException, IOException, InterruptedException {
    Path dir = Files.createTempDirectory("hypermax-rsync", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      Path helper = dir.resolve("rsync-rsh");
      Files.writeString(helper, HELPER);
      Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
      for (String fifo : List.of("up", "down")) {
        Process p = new ProcessBuilder("mkfifo", "-m", "600", dir.resolve(fifo).toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
          throw new IOException("mkfifo failed: " + out.strip());
        }
      }
      List<String> command = new ArrayList<>(List.of("rsync", "--rsh=" + helper));
      command.addAll(args);
      Process rsync = new ProcessBuilder(command).redirectErrorStream(true).start();
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      Thread reader = pump(rsync.getInputStream(), printed, "hypermax-rsync-output", false);
      Relay relay = new Relay(connection, dir);
      relay.start();
      boolean finished;
      try {
        finished = rsync.waitFor(24, TimeUnit.HOURS);
      } catch (InterruptedException e) {
        // A cancelled trial or Ctrl-C: the local rsync must not outlive the sync (its pipes go in finally).
        rsync.destroyForcibly();
        relay.unblock();
        throw e;
      }
      if (!finished) {
        rsync.destroyForcibly();
      }
      relay.unblock(); // rsync is gone: whatever open still waits for it gets its end
      relay.join(10_000);
      reader.join(5_000);
      int exit = finished ? rsync.exitValue() : -1;
      if (relay.lost != null) {
        throw relay.lost;
      }
      return new Result(exit, printed.toString(StandardCharsets.UTF_8), relay.errors.toString(StandardCharsets.UTF_8));
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** Carries the helper's pipes over an exec channel running the command the helper wrote. */
  private static final class Relay implements Runnable {
    private final HostConnection connection;
    private final Path dir;
    private final Thread thread;
    final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    volatile HostUnavailableException lost;
    private volatile boolean upOpened;
    private volatile boolean downOpened;

    Relay(HostConnection connection, Path dir) {
      this.connection = connection;
      this.dir = dir;
      this.thread = DaemonThreads.daemon(this, "hypermax-rsync-relay", Thread.NORM_PRIORITY);
    }

    void start() {
      thread.start();
    }

    void join(long millis) throws InterruptedException {
      thread.join(millis);
    }

    @Override
    public void run() {
      try (InputStream up = new FileInputStream(dir.resolve("up").toFile())) {
        upOpened = true;
        Path commandFile = dir.resolve("command");
        if (!Files.exists(commandFile)) {
          return; // unblocked by us: rsync ended without starting the helper
        }
        String command = String.join(" ", new String(Files.readAllBytes(commandFile), StandardCharsets.UTF_8).split("\0"));
        ChannelExec channel = connection.exec(command);
        try {
          channel.setErrStream(errors, true);
          InputStream fromRemote = channel.getInputStream();
          OutputStream toRemote = channel.getOutputStream();
          connection.connect(channel);
          try (OutputStream down = new FileOutputStream(dir.resolve("down").toFile())) {
            downOpened = true;
            Thread back = pump(fromRemote, down, "hypermax-rsync-down", true);
            try (toRemote) {
              // JSch buffers channel writes until flushed: flush each chunk, rsync waits for answers
              byte[] buffer = new byte[32 * 1024];
              int n;
              while ((n = up.read(buffer)) >= 0) {
                toRemote.write(buffer, 0, n);
                toRemote.flush();
              }
              // rsync's side ended: the remote gets EOF when this closes
            } catch (IOException e) {
              // the channel closed first (the remote ended, or the connection dropped)
            }
            back.join();
          }
          if (channel.getExitStatus() < 0 && !connection.isConnected()) {
            lost = new HostUnavailableException(connection.host().label() + ": the connection was lost during rsync", false, null);
          }
        } finally {
          channel.disconnect();
        }
      } catch (HostUnavailableException e) {
        lost = e;
      } catch (IOException | InterruptedException e) {
        if (!connection.isConnected()) {
          lost = new HostUnavailableException(connection.host().label() + ": the connection was lost during rsync", false, e);
        }
      }
    }

    /** Opens the pipes from the other end where no one did, so blocked opens return. */
    void unblock() {
      if (!upOpened) {
        try (OutputStream w = new FileOutputStream(dir.resolve("up").toFile())) {
          // opened and closed: the relay reads EOF
        } catch (IOException ignored) {
          // the relay is gone already
        }
      }
      if (upOpened && !downOpened && thread.isAlive()) {
        try (InputStream r = new FileInputStream(dir.resolve("down").toFile())) {
          // opened and closed
        } catch (IOException ignored) {
          // nothing waits
        }
      }
    }
  }

  private static Thread pump(InputStream in, OutputStream out, String name, boolean closeOut) {
    Thread t = DaemonThreads.daemon(() -> {
      try {
        in.transferTo(out);
        out.flush();
      } catch (IOException ignored) {
        // a side closed: the transfer is over
      } finally {
        if (closeOut) {
          try {
            out.close();
          } catch (IOException ignored) {
            // already closed
          }
        }
      }
    }, name, Thread.NORM_PRIORITY);
    t.start();
    return t;
  }
}
