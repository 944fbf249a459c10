package io.hypermax.executors.internal.executable;

import com.google.auto.service.AutoService;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.executors.internal.process.EnvironmentSetting;
import io.hypermax.executors.internal.process.KillLimits;
import io.hypermax.executors.internal.process.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * {@code function.type: executable}: runs {@code command} (an argument list, or a string split
 * like a shell would, without a shell) once per trial. The parameters arrive as JSON on stdin, in
 * the file named by {@code HYPERMAX_PARAMS} and as {@code {name}} placeholders in the arguments;
 * the result is the last non-empty line of stdout (a number or a JSON object).
 */
@AutoService(ExecutorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ExecutableProvider implements ExecutorProvider {
  public static final String ID = "executable";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Runs a program per trial (parameters as JSON on stdin, in $HYPERMAX_PARAMS and as {name} in arguments).";
  }

  @Override
  public Set<String> keys() {
    return KillLimits.withKillKeys(Set.of("command", "cwd", "env"));
  }

  @Override
  public Executor create(Context context) {
    context.requireKnownKeys(keys());
    ConfigNode function = context.function();
    List<String> command = command(function);
    if (context.space() != null) {
      Placeholders.checkNames(command, context.space(), function.get("command"));
    }
    Path cwd = context.configDirectory();
    if (function.has("cwd")) {
      cwd = context.resolve(function.requireString("cwd"));
      if (!Files.isDirectory(cwd)) {
        throw function.get("cwd").error("is not a folder: " + cwd);
      }
    }
    String program = command.get(0);
    if (!program.contains("{") && Programs.find(program, cwd).isEmpty()) {
      throw function.get("command").error(
          "cannot find the program '" + program + "'"
              + (program.contains("/") ? " (relative to " + cwd + ")" : " on the PATH"));
    }
    return new ExecutableExecutor(command, cwd, EnvironmentSetting.read(function), KillLimits.forProcesses(function));
  }

  private static List<String> command(ConfigNode function) {
    ConfigNode node = function.get("command");
    if (node.isMissing()) {
      throw function.error("missing required key 'command' (the program and its arguments)");
    }
    List<String> command = new ArrayList<>();
    if (node.json().isTextual()) {
      try {
        command.addAll(CommandLine.split(node.json().asText()));
      } catch (IllegalArgumentException e) {
        throw node.error("cannot split the command: " + e.getMessage());
      }
    } else if (node.json().isArray()) {
      for (ConfigNode element : node.elements()) {
        if (!element.json().isValueNode() || element.json().isNull()) {
          throw element.error("must be a string");
        }
        command.add(element.json().asText());
      }
    } else {
      throw node.error("must be a list of arguments or a command string, found " + ConfigNode.describe(node.json()));
    }
    if (command.isEmpty()) {
      throw node.error("must name a program to run");
    }
    return command;
  }
}
