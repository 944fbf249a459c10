package io.hypermax.executors.internal.executable;

import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.ResultParser;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.executors.internal.process.KillLimits;
import io.hypermax.executors.internal.process.TrialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One trial = one {@code sbatch} job running a generated script. Parameter values reach the job only
 * shell-quoted inside that script, never through a shell command line of hypermax's own. State comes
 * from {@code squeue} while the job is queued or running, then from {@code scontrol show job};
 * {@code auto_kill_max_time} (counted from submission) and interrupts cancel it with {@code scancel}.
 */
final class SlurmExecutor implements Executor {
  private static final long POLL_MS = 250;
  private static final Pattern STATE = Pattern.compile("JobState=(\\S+)");
  private static final Pattern EXIT = Pattern.compile("\\bExitCode=(\\S+)");

  private final List<String> command;
  private final Path cwd;
  private final Map<String, String> resources;
  private final Map<String, String> environment;
  private final KillLimits limits;

  SlurmExecutor(List<String> command, Path cwd, Map<String, String> resources, Map<String, String> environment, KillLimits limits) {
    this.command = List.copyOf(command);
    this.cwd = cwd;
    this.resources = Map.copyOf(resources);
    this.environment = Map.copyOf(environment);
    this.limits = limits;
  }

  @Override
  public TrialResult run(TrialRequest request) throws InterruptedException {
    long started = System.nanoTime();
    TrialFiles files = TrialFiles.create(request);
    Path out = request.logFile() != null ? request.logFile() : files.directory().resolve("slurm.out");
    try (files; SlurmReports reports = new SlurmReports(request, out.toAbsolutePath(), files.directory(), this::scancel)) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Path script = files.directory().resolve("job.sh");
      Files.writeString(script, script(request, files, reports.replyFile(), reports.reportFile()), StandardCharsets.UTF_8);
      List<String> sbatch = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=hypermax-trial-" + request.number(),
          "--output=" + out.toAbsolutePath(), "--chdir=" + cwd.toAbsolutePath()));
      resources.forEach((k, v) -> sbatch.add("--" + k + "=" + v));
      sbatch.add(script.toAbsolutePath().toString());
      SlurmCommand.Result submit = slurm(sbatch);
      if (submit.code() != 0) {
        return TrialResult.failed("sbatch failed (exit " + submit.code() + "): " + submit.out().strip(), seconds(started));
      }
      String job = submit.out().strip().split(";")[0];
      reports.submitted(job);
      String state;
      try {
        state = await(job, started, reports);
      } catch (InterruptedException e) {
        cancel(job);
        throw e;
      } finally {
        reports.poll(); // the lines written just before the job ended
        reports.ended();
      }
      if (state == null) {
        cancel(job);
        return TrialResult.killed(limits.killLoss(), "Slurm job " + job + " cancelled after auto_kill_max_time "
            + limits.maxTimeSeconds() + " s", seconds(started)).withLog(request.logName());
      }
      SlurmCommand.Result info = slurm(List.of("scontrol", "show", "job", job));
      Matcher exit = EXIT.matcher(info.out());
      String exitCode = exit.find() ? exit.group(1) : "?";
      if (!"COMPLETED".equals(state)) {
        return TrialResult.failed("Slurm job " + job + " ended " + state + " (exit code " + exitCode + "); its output is in "
            + out, seconds(started)).withLog(request.logName());
      }
      Object written = files.readResult();
      if (written == null) {
        written = lastResultLine(out);
      }
      if (written == null) {
        return TrialResult.failed("Slurm job " + job + " printed no result: the last line of its output must be a number or"
            + " a JSON object with 'loss' (" + out + ")", seconds(started)).withLog(request.logName());
      }
      return ResultParser.parse(written, seconds(started)).withLog(request.logName());
    } catch (IOException e) {
      return TrialResult.failed("Slurm trial " + request.number() + ": " + e.getMessage(), seconds(started));
    }
  }

  private String script(TrialRequest request, TrialFiles files, String replyFile, String reportFile) {
    StringBuilder s = new StringBuilder("#!/bin/sh\n");
    Map<String, String> env = new java.util.LinkedHashMap<>(files.environment());
    env.put(io.hypermax.core.pruning.ReportProtocol.REPLY_ENV, replyFile);
    env.put(io.hypermax.core.pruning.ReportProtocol.REPORT_FILE_ENV, reportFile);
    env.put(io.hypermax.executors.internal.process.ProcessTrialRunner.TRIAL_NUMBER_ENV, Integer.toString(request.number()));
    env.forEach((k, v) -> s.append("export ").append(k).append('=').append(Placeholders.shellQuote(v)).append('\n'));
    s.append("exec");
    for (String a : command) {
      s.append(' ').append(Placeholders.shellQuote(Placeholders.substitute(a, request.parameters(), request.flatParameters())));
    }
    return s.append('\n').toString();
  }

  /** Waits for the job to leave the queue; its final state, or null when auto_kill_max_time ran out first. */
  private String await(String job, long started, SlurmReports reports) throws InterruptedException, IOException {
    double limit = limits.maxTimeSeconds();
    while (true) {
      reports.poll();
      if (limit > 0 && seconds(started) > limit) {
        return null;
      }
      SlurmCommand.Result q = slurm(List.of("squeue", "-h", "-j", job, "-o", "%T"));
      String s = q.out().strip();
      if (q.code() != 0 || s.isEmpty() || !(s.equals("PENDING") || s.equals("RUNNING") || s.equals("CONFIGURING")
          || s.equals("COMPLETING") || s.equals("SUSPENDED"))) {
        Matcher m = STATE.matcher(slurm(List.of("scontrol", "show", "job", job)).out());
        String state = m.find() ? m.group(1) : "UNKNOWN";
        if (!state.equals("COMPLETING") && !state.equals("RUNNING") && !state.equals("PENDING")) {
          return state;
        }
      }
      Thread.sleep(POLL_MS);
    }
  }

  /** {@code scancel ARGS}, best effort (pruned jobs: SIGTERM, then cancel). */
  private void scancel(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("scancel"));
    cmd.addAll(args);
    try {
      slurm(cmd);
    } catch (IOException e) {
      // best effort: the job's own time limit still applies
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void cancel(String job) {
    try {
      slurm(List.of("scancel", job));
    } catch (IOException | InterruptedException e) {
      // best effort: the job's own time limit still applies
    }
  }

  private static Object lastResultLine(Path out) throws IOException {
    if (!Files.exists(out)) {
      return null;
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return StdoutResult.parse(lines.get(i));
      }
    }
    return null;
  }

  private SlurmCommand.Result slurm(List<String> cmd) throws IOException, InterruptedException {
    return SlurmCommand.run(cmd, environment, 30);
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
