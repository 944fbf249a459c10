package io.hypermax.executors.internal.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.hypermax.core.stability.API;

/**
 * An environment variable with a value unique to one trial, inherited by every process the trial
 * starts, found again through {@code /proc/<pid>/environ}. The descendant walk misses a process
 * that detached with a double fork ({@code (setsid sleep 1000 &)}): it is re-parented to init and
 * is no longer anyone's descendant. The cookie still marks it, so it can be killed. This is
 * Jenkins's ProcessTreeKiller technique.
 *
 * <p>Limits: Linux only (no {@code /proc} elsewhere: then only the descendant walk works); a process
 * that empties or rewrites its own environment ({@code env -i}) sheds the cookie; processes of
 * other users cannot be read.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TrialCookie {
  /** The variable's name; its value is a random UUID. */
  public static final String ENV = "HYPERMAX_TRIAL_COOKIE";
  private static final Path PROC = Path.of("/proc");

  private final String value;
  private final byte[] needle;

  private TrialCookie(String value) {
    this.value = value;
    this.needle = (ENV + "=" + value).getBytes(StandardCharsets.UTF_8);
  }

  public static TrialCookie fresh() {
    return new TrialCookie(UUID.randomUUID().toString());
  }

  public static TrialCookie of(String value) {
    return new TrialCookie(value);
  }

  public String value() {
    return value;
  }

  /** Every live process (other than this JVM) whose environment carries this cookie. */
  public List<ProcessHandle> carriers() {
    List<ProcessHandle> out = new ArrayList<>();
    if (!Files.isDirectory(PROC)) {
      return out;
    }
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        long pid;
        try {
          pid = Long.parseLong(entry.getFileName().toString());
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid != self && carries(entry.resolve("environ"))) {
          Optional<ProcessHandle> h = ProcessHandle.of(pid);
          h.filter(ProcessTree::isRunning).ifPresent(out::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      // /proc vanished or is unreadable: fall back to the descendant walk alone
    }
    return out;
  }

  private boolean carries(Path environ) {
    byte[] env;
    try {
      env = Files.readAllBytes(environ);
    } catch (IOException | RuntimeException e) {
      return false; // gone, or another user's process
    }
    // Entries are NUL-separated NAME=value; match a whole entry.
    int n = needle.length;
    outer:
    for (int start = 0; start + n <= env.length; ) {
      for (int i = 0; i < n; i++) {
        if (env[start + i] != needle[i]) {
          int next = indexOf(env, (byte) 0, start);
          if (next < 0) {
            return false;
          }
          start = next + 1;
          continue outer;
        }
      }
      if (start + n == env.length || env[start + n] == 0) {
        return true;
      }
      int next = indexOf(env, (byte) 0, start);
      if (next < 0) {
        return false;
      }
      start = next + 1;
    }
    return false;
  }

  private static int indexOf(byte[] a, byte b, int from) {
    for (int i = from; i < a.length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
