package io.hypermax.executors.internal.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.hypermax.core.stability.API;

/**
 * The trial's log file, shared by the stdout and stderr pumps. The file is created on the first
 * byte written, so a silent trial leaves no empty file.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TrialLog implements AutoCloseable {
  private final Path file;
  private OutputStream out;
  private boolean closed;
  private boolean broken;

  /** @param file where to write, or null to discard the output (no results directory) */
  public TrialLog(Path file) {
    this.file = file;
  }

  public synchronized void write(byte[] bytes, int offset, int length) {
    if (closed || file == null || broken) {
      return;
    }
    try {
      if (out == null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newOutputStream(file);
      }
      out.write(bytes, offset, length);
    } catch (IOException e) {
      broken = true; // a full disk must not fail the trial
    }
  }

  /** Adds a line of hypermax's own (kill reasons, exit codes), marked as such. */
  public void note(String message) {
    byte[] b = ("[hypermax] " + message + "\n").getBytes(StandardCharsets.UTF_8);
    write(b, 0, b.length);
  }

  /** True once anything was written to the file. */
  public synchronized boolean hasFile() {
    return out != null;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // nothing left to do with a log that cannot be closed
      }
    }
  }
}
