package io.hypermax.executors.internal.executable;

import io.hypermax.core.stability.API;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Slurm CLI command ({@code sbatch}, {@code squeue}, {@code scontrol}, {@code scancel}) and reads its
 * output: shared by the slurm executor and {@code hypermax slurm-workers}, so both name a missing Slurm the same way.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SlurmCommand {
  /** The exit code (-1 when it timed out) and the output, stdout and stderr together. */
  public record Result(int code, String out) {}

  private SlurmCommand() {}

  /** @throws IOException when the command cannot be started, saying that Slurm may be missing */
  public static Result run(List<String> cmd, Map<String, String> environment, long timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(environment);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException("cannot run " + cmd.get(0) + " (is Slurm installed and on the PATH?): " + e.getMessage(), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, cmd.get(0) + " timed out");
    }
    return new Result(p.exitValue(), out);
  }
}
