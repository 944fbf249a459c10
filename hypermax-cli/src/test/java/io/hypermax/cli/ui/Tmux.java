package io.hypermax.cli.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A tmux server on a private socket with one detached session: send keys, read the pane, resize. */
final class Tmux implements AutoCloseable {
  private final String socket = "hypermax-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

  static boolean available() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts {@code shellCommand} in a {@code width}x{@code height} session (TERM xterm-256color, as over ssh). */
  Tmux(String shellCommand, int width, int height) throws IOException, InterruptedException {
    run("new-session", "-d", "-x", Integer.toString(width), "-y", Integer.toString(height), "-e", "TERM=xterm-256color", shellCommand);
    socketPath = run("display-message", "-p", "#{socket_path}").strip();
  }

  private String socketPath;

  String run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  void keys(String... keys) throws IOException, InterruptedException {
    List<String> a = new ArrayList<>(List.of("send-keys", "-t", "0"));
    a.addAll(List.of(keys));
    run(a.toArray(String[]::new));
    Thread.sleep(250); // lets the UI (50 ms key polling) see one key at a time: ESC then a letter would read as Alt-letter
  }

  void type(String text) throws IOException, InterruptedException {
    run("send-keys", "-t", "0", "-l", text);
    Thread.sleep(250);
  }

  String screen() throws IOException, InterruptedException {
    return run("capture-pane", "-p", "-t", "0");
  }

  boolean alternateScreen() throws IOException, InterruptedException {
    return run("display-message", "-p", "-t", "0", "#{alternate_on}").strip().equals("1");
  }

  void resize(int width, int height) throws IOException, InterruptedException {
    run("resize-window", "-t", "0", "-x", Integer.toString(width), "-y", Integer.toString(height));
  }

  /** Waits up to {@code seconds} for the pane to satisfy {@code test}; fails showing the pane. */
  String await(String what, int seconds, Predicate<String> test) throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String s = screen();
    while (!test.test(s)) {
      if (System.nanoTime() > end) {
        fail("waited " + seconds + " s for " + what + "; the screen shows:\n" + s);
      }
      Thread.sleep(200);
      s = screen();
    }
    return s;
  }

  @Override
  public void close() {
    try {
      run("kill-server");
    } catch (IOException | InterruptedException e) {
      // the server is gone already
    }
    try {
      if (socketPath != null && !socketPath.isEmpty()) {
        java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(socketPath)); // kill-server leaves the socket file
      }
    } catch (IOException e) {
      // a stale socket file in the tmux directory is harmless
    }
  }
}
