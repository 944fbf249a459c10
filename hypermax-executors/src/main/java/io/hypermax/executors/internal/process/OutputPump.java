package io.hypermax.executors.internal.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import io.hypermax.core.stability.API;

/**
 * Copies one output stream of a trial process into the {@link TrialLog} on its own thread,
 * remembering the last non-empty line (the executable's result).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class OutputPump extends Thread {
  /** A result line longer than this is not a result anyone means; keep memory bounded. */
  static final int MAX_LINE = 1 << 20;
  /** Ends a line that was cut at {@link #MAX_LINE}; callers test for it with {@link ProcessOutcome#isCut}. */
  static final String CUT = "…(line longer than 1 MiB, cut)";

  private final InputStream in;
  private final TrialLog log;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private volatile String lastLine;
  private boolean lineOverflow;
  private final java.util.function.Predicate<String> lines;

  public OutputPump(String name, InputStream in, TrialLog log) {
    this(name, in, log, line -> false);
  }

  /** @param lines sees every non-empty line as it ends; a line it takes (returns true for) is not a result line */
  public OutputPump(String name, InputStream in, TrialLog log, java.util.function.Predicate<String> lines) {
    super(name);
    setDaemon(true);
    this.in = in;
    this.log = log;
    this.lines = lines;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        log.write(buffer, 0, n);
        track(buffer, n);
      }
    } catch (IOException e) {
      // the stream closes when the process is killed
    }
    endLine();
  }

  private void track(byte[] buffer, int n) {
    for (int i = 0; i < n; i++) {
      byte b = buffer[i];
      if (b == '\n') {
        endLine();
      } else if (line.size() < MAX_LINE) {
        line.write(b);
      } else {
        lineOverflow = true;
      }
    }
  }

  private void endLine() {
    String s = line.toString(StandardCharsets.UTF_8).strip();
    if (!s.isEmpty() && (lineOverflow || !lines.test(s))) {
      lastLine = lineOverflow ? s + CUT : s;
    }
    line.reset();
    lineOverflow = false;
  }

  /** The last non-empty line, stripped, or null. */
  public String lastLine() {
    return lastLine;
  }
}
