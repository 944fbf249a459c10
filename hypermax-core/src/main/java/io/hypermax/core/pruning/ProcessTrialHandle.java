package io.hypermax.core.pruning;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import io.hypermax.core.stability.API;

/**
 * The {@link TrialHandle} of a JVM that runs as a trial process (a {@code java_process} trial, or any
 * Java program run as an {@code executable}): reports go to standard output as {@link ReportProtocol}
 * lines, and {@link #report} waits for hypermax's answer in the reply file.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ProcessTrialHandle implements TrialHandle {
  /** How long a report waits for the answer before it carries on as if told to continue. */
  static final long ANSWER_TIMEOUT_MILLIS = 60_000;

  private final int number;
  private final PrintStream out;
  private final String replyFile;
  private long offset;
  private final StringBuilder pending = new StringBuilder();
  private boolean pruned;

  public ProcessTrialHandle(int number, PrintStream out, String replyFile) {
    this.number = number;
    this.out = out;
    this.replyFile = replyFile;
  }

  /**
   * The handle of this process, printing to {@code stdout} (the process's standard output) and reading
   * the reply file named by {@value ReportProtocol#REPLY_ENV} (without it, reports are printed but never answered).
   */
  public static ProcessTrialHandle fromEnvironment(int number, PrintStream stdout) {
    return new ProcessTrialHandle(number, stdout, System.getenv(ReportProtocol.REPLY_ENV));
  }

  @Override
  public int number() {
    return number;
  }

  @Override
  public synchronized boolean report(long step, double value) {
    if (pruned) {
      return true;
    }
    out.println(ReportProtocol.line(step, value));
    out.flush();
    if (replyFile == null) {
      return false;
    }
    long deadline = System.currentTimeMillis() + ANSWER_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      String answer = answerFor(step);
      if (answer != null) {
        pruned = answer.equals(ReportProtocol.PRUNE);
        return pruned;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** Reads the reply lines written since the last call; the answer for {@code step}, or null when not there yet. */
  private String answerFor(long step) {
    try (RandomAccessFile f = new RandomAccessFile(replyFile, "r")) {
      long length = f.length();
      if (length > offset) {
        byte[] bytes = new byte[(int) (length - offset)];
        f.seek(offset);
        f.readFully(bytes);
        offset = length;
        pending.append(new String(bytes, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      return null;
    }
    String answer = null;
    int nl;
    while ((nl = pending.indexOf("\n")) >= 0) {
      String line = pending.substring(0, nl).trim();
      pending.delete(0, nl + 1);
      int space = line.indexOf(' ');
      if (space > 0 && line.substring(0, space).equals(Long.toString(step))) {
        answer = line.substring(space + 1).trim();
      }
    }
    return answer;
  }

  @Override
  public synchronized boolean shouldPrune() {
    return pruned;
  }
}
