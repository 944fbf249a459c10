package io.hypermax.executors.internal.python;

import com.google.auto.service.AutoService;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.executors.internal.process.EnvironmentSetting;
import io.hypermax.executors.internal.process.KillLimits;
import java.util.Set;
import java.util.regex.Pattern;
import io.hypermax.core.stability.API;

/**
 * {@code function.type: python_function}: calls {@code name(params)} of the Python module
 * {@code module} (importable from the config file's folder), each trial in its own interpreter.
 */
@AutoService(ExecutorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class PythonFunctionProvider implements ExecutorProvider {
  public static final String ID = "python_function";
  private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Calls a Python function (params dict -> number or dict), each trial in its own python3 process.";
  }

  @Override
  public Set<String> keys() {
    return KillLimits.withKillKeys(Set.of("module", "name", "python", "env"));
  }

  @Override
  public Executor create(Context context) {
    context.requireKnownKeys(keys());
    ConfigNode function = context.function();
    String module = function.requireString("module");
    if (module.endsWith(".py")) {
      module = module.substring(0, module.length() - 3); // the seed README's own first example writes model.py
    }
    if (!MODULE.matcher(module).matches()) {
      throw function.get("module").error("'" + module + "' is not a Python module name (e.g. model or package.model)");
    }
    String name = function.requireString("name");
    if (!NAME.matcher(name).matches()) {
      throw function.get("name").error("'" + name + "' is not a Python function name");
    }
    String python = PythonInterpreter.resolve(function, context.configDirectory());
    var environment = EnvironmentSetting.read(function);
    KillLimits limits = KillLimits.forProcesses(function);
    if (!ModuleCheck.findable(python, module, context.configDirectory())) {
      throw function.get("module").error(
          "no module '" + module + "' in " + context.configDirectory() + " (nor importable by " + python + ")"
              + "; if the model needs another interpreter (a virtualenv or conda python), set function.python to it");
    }
    return new PythonFunctionExecutor(python, module, name, context.configDirectory(), environment, limits);
  }
}
