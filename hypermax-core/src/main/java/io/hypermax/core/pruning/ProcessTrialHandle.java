package io.hypermax.core.pruning;

import io.hypermax.core.internal.io.FileFollower;
import io.hypermax.core.stability.API;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
  /** The reply file, followed as hypermax appends its answers; null: reports are never answered. */
  private final FileFollower replies;
  private final List<String> arrived = new ArrayList<>();
  private boolean pruned;

  public ProcessTrialHandle(int number, PrintStream out, String replyFile) {
    this.number = number;
    this.out = out;
    this.replies = replyFile == null ? null : new FileFollower(Path.of(replyFile), FileFollower.Links.FOLLOW, arrived::add);
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
    if (replies == null) {
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
    try {
      replies.poll();
    } catch (IOException e) {
      return null;
    }
    String answer = null;
    for (String reply : arrived) {
      String line = reply.trim();
      int space = line.indexOf(' ');
      if (space > 0 && line.substring(0, space).equals(Long.toString(step))) {
        answer = line.substring(space + 1).trim();
      }
    }
    arrived.clear();
    return answer;
  }

  @Override
  public synchronized boolean shouldPrune() {
    return pruned;
  }
}
