package io.hypermax.executors.internal.executable;

import com.google.auto.service.AutoService;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.executors.internal.process.EnvironmentSetting;
import io.hypermax.executors.internal.process.KillLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * {@code function.type: slurm}: one Slurm job per trial. The command (as for {@code executable}) is
 * submitted with {@code sbatch}; {@code partition}, {@code time}, {@code mem} and {@code gres} become
 * its resource options. The real Slurm CLI schedules; hypermax only submits, watches and cancels.
 */
@AutoService(ExecutorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SlurmProvider implements ExecutorProvider {
  public static final String ID = "slurm";
  private static final List<String> RESOURCES = List.of("partition", "time", "mem", "gres");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Runs each trial as a Slurm job (sbatch/squeue/scontrol/scancel); the job's output file is the trial log.";
  }

  @Override
  public Set<String> keys() {
    return KillLimits.withKillKeys(java.util.stream.Stream.concat(RESOURCES.stream(), java.util.stream.Stream.of("command", "cwd", "env")).toList());
  }

  @Override
  public Executor create(Context context) {
    context.requireKnownKeys(keys());
    ConfigNode function = context.function();
    ConfigNode node = function.get("command");
    if (node.isMissing() || !node.json().isTextual()) {
      throw function.error("missing required key 'command' (a string: the program and its arguments)");
    }
    List<String> command;
    try {
      command = CommandLine.split(node.json().asText());
    } catch (IllegalArgumentException e) {
      throw node.error("cannot split the command: " + e.getMessage());
    }
    if (context.space() != null) {
      Placeholders.checkNames(command, context.space(), node);
    }
    Map<String, String> resources = new LinkedHashMap<>();
    for (String r : RESOURCES) {
      if (function.has(r)) {
        String v = function.get(r).json().asText();
        if (v.isBlank() || v.startsWith("-") || v.contains("\n")) {
          throw function.get(r).error("must be a Slurm " + r + " value, got '" + v + "'");
        }
        resources.put(r, v);
      }
    }
    java.nio.file.Path cwd = function.has("cwd") ? context.resolve(function.requireString("cwd")) : context.configDirectory();
    return new SlurmExecutor(new ArrayList<>(command), cwd, resources, EnvironmentSetting.read(function), KillLimits.from(function));
  }
}
