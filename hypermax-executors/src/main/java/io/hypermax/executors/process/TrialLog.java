package io.hypermax.executors.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trial's log file, shared by the stdout and stderr pumps. The file is created on the first
 * byte written, so a silent trial leaves no empty file. The last few KiB are also kept in memory
 * for error messages (also when there is no results directory).
 */
public final class TrialLog implements AutoCloseable {
  private static final int TAIL_BYTES = 4096;

  private final Path file;
  private OutputStream out;
  private boolean closed;
  private boolean broken;
  private final byte[] tail = new byte[TAIL_BYTES];
  private int tailStart;
  private int tailLength;

  /** @param file where to write, or null to keep only the in-memory tail */
  public TrialLog(Path file) {
    this.file = file;
  }

  public synchronized void write(byte[] bytes, int offset, int length) {
    if (closed) {
      return;
    }
    for (int i = 0; i < length; i++) {
      tail[(tailStart + tailLength) % TAIL_BYTES] = bytes[offset + i];
      if (tailLength < TAIL_BYTES) {
        tailLength++;
      } else {
        tailStart = (tailStart + 1) % TAIL_BYTES;
      }
    }
    if (file == null || broken) {
      return;
    }
    try {
      if (out == null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newOutputStream(file);
      }
      out.write(bytes, offset, length);
    } catch (IOException e) {
      broken = true; // a full disk must not fail the trial; the in-memory tail still works
    }
  }

  /** Adds a line of hypermax's own (kill reasons, exit codes), marked as such. */
  public void note(String message) {
    byte[] b = ("[hypermax] " + message + "\n").getBytes(StandardCharsets.UTF_8);
    write(b, 0, b.length);
  }

  /** The last lines written, for error messages. */
  public synchronized String tail(int maxChars) {
    byte[] copy = new byte[tailLength];
    for (int i = 0; i < tailLength; i++) {
      copy[i] = tail[(tailStart + i) % TAIL_BYTES];
    }
    String s = new String(copy, StandardCharsets.UTF_8).strip();
    return s.length() <= maxChars ? s : "…" + s.substring(s.length() - maxChars);
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
