package io.hypermax.executors.internal.process;

import io.hypermax.core.internal.concurrent.DaemonThreads;
import io.hypermax.core.spi.TrialRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import io.hypermax.core.stability.API;

/**
 * Runs one trial process to its end: starts it, pumps stdout and stderr into the trial log,
 * samples its process tree while it runs ({@link KillWatch}: first after a short delay, then at
 * doubling intervals up to {@link #MAX_SAMPLE_INTERVAL_MS}) and kills the whole tree the moment an
 * auto-kill limit is crossed. An interrupt (the study is stopping) also kills the tree, then is rethrown.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ProcessTrialRunner {
  /** The brief promises at most 250 ms between samples; 100 ms keeps RAM kills prompt. */
  public static final long MAX_SAMPLE_INTERVAL_MS = 100;
  /** First sample for programs that measure nothing themselves: early, so short runs still get figures. */
  public static final long EARLY_FIRST_SAMPLE_MS = 5;
  /** First sample for the Python runner and the java_process main, which report their own usage. */
  public static final long LATE_FIRST_SAMPLE_MS = 50;
  /** The trial's number, in every trial process's environment. */
  public static final String TRIAL_NUMBER_ENV = "HYPERMAX_TRIAL_NUMBER";
  /** How long to wait for output still in the pipes after the process ended. */
  private static final long DRAIN_MILLIS = 2_000;

  private final KillLimits limits;
  private final long firstSampleMillis;

  /**
   * @param firstSampleMillis delay of the first sample: every sample costs CPU that a starting
   *     interpreter competes for, so processes that report their own usage are sampled later
   */
  public ProcessTrialRunner(KillLimits limits, long firstSampleMillis) {
    this.limits = limits;
    this.firstSampleMillis = firstSampleMillis;
    // oshi's first use takes a noticeable fraction of a second: pay it now, not during the first trial's samples.
    ResourceSampler.shared();
  }

  public ProcessOutcome run(ProcessSpec spec, TrialRequest request) throws InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.directory().toFile());
    builder.environment().putAll(spec.environment());
    // Every process of the trial inherits the cookie, so even one that detached can be found and killed.
    TrialCookie cookie = TrialCookie.fresh();
    builder.environment().put(TrialCookie.ENV, cookie.value());
    if (spec.stdin() == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    }
    TrialLog log = new TrialLog(request.logFile());
    // Report lines on stdout reach the study's pruner; the decision goes back through a reply file (docs/pruning.md).
    ReportChannel reports = ReportChannel.open(request.number(), request.handle(), request.tempDirectory(), request.pruneGraceSeconds(), log);
    builder.environment().put(io.hypermax.core.pruning.ReportProtocol.REPLY_ENV, reports.replyFile());
    // Or STEP VALUE lines appended to a file, for programs whose stdout is not theirs to use.
    ReportFile reportFile = ReportFile.create(request.number(), request.tempDirectory(), reports::offer);
    builder.environment().put(io.hypermax.core.pruning.ReportProtocol.REPORT_FILE_ENV, reportFile.path());
    builder.environment().put(TRIAL_NUMBER_ENV, Integer.toString(request.number()));
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      log.note("cannot start " + spec.command() + ": " + e.getMessage());
      reportFile.close();
      reports.close();
      log.close();
      return new ProcessOutcome(
          -1, null, "cannot start " + spec.command().get(0) + ": " + e.getMessage(), null, null,
          seconds(start), null, logName(log, request));
    }
    TrialMonitor monitor = new TrialMonitor(process.toHandle(), limits, cookie);
    LiveProcesses.add(monitor);
    reports.attach(process.toHandle(), monitor::killAll);
    reportFile.start();
    OutputPump stdout = new OutputPump("hypermax-trial-" + request.number() + "-stdout", process.getInputStream(), log, reports::offer);
    OutputPump stderr = new OutputPump("hypermax-trial-" + request.number() + "-stderr", process.getErrorStream(), log);
    stdout.start();
    stderr.start();
    try {
      if (spec.stdin() != null) {
        feedStdin(process, spec.stdin(), request.number());
      }
      String killReason =
          KillWatch.watch(
              limits, firstSampleMillis, start, nanos -> process.waitFor(nanos, TimeUnit.NANOSECONDS), () -> {
                // Each sample also goes to the live board the console UI shows.
                var violation = monitor.sample();
                double[] now = monitor.now();
                io.hypermax.core.monitor.LiveUsage.publish(request.number(), now[0], now[1]);
                return violation;
              });
      double wall = seconds(start);
      if (killReason == null) {
        monitor.killLeftovers();
      } else {
        monitor.killAll();
      }
      // A descendant that escaped the monitor may hold the pipes open: wait for the output, but not forever.
      long drainEnd = System.currentTimeMillis() + DRAIN_MILLIS;
      stdout.join(Math.max(1, drainEnd - System.currentTimeMillis()));
      stderr.join(Math.max(1, drainEnd - System.currentTimeMillis()));
      int exit = killReason == null ? process.exitValue() : -1;
      if (killReason != null) {
        log.note(killReason);
      } else if (exit != 0 && !reports.pruned()) {
        log.note("exited with code " + exit);
      }
      return new ProcessOutcome(exit, killReason, null, stdout.lastLine(), stderr.lastLine(), wall, monitor, logName(log, request));
    } catch (InterruptedException e) {
      monitor.killAll();
      log.note("killed: the search is stopping");
      throw e;
    } finally {
      LiveProcesses.remove(monitor);
      reportFile.close();
      reports.close();
      io.hypermax.core.monitor.LiveUsage.clear(request.number());
      log.close();
    }
  }

  private static void feedStdin(Process process, byte[] bytes, int trial) {
    // On its own thread: a program that never reads stdin must not block the trial.
    Thread feeder = DaemonThreads.daemon(() -> {
      try (OutputStream in = process.getOutputStream()) {
        in.write(bytes);
      } catch (IOException ignored) {
        // the program exited or closed stdin without reading it all; that is its choice
      }
    }, "hypermax-trial-" + trial + "-stdin", Thread.NORM_PRIORITY);
    feeder.start();
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static String logName(TrialLog log, TrialRequest request) {
    return log.hasFile() ? request.logName() : null;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
