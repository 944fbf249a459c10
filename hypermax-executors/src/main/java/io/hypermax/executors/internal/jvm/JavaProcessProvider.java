package io.hypermax.executors.internal.jvm;

import com.google.auto.service.AutoService;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.executors.internal.process.EnvironmentSetting;
import io.hypermax.executors.internal.process.KillLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * {@code function.type: java_process}: the same {@code class}/{@code method}/{@code classpath} as
 * java_function, but each trial runs in a JVM of its own with hypermax's class path, so it can be
 * killed and measured. {@code jvm_options} (a list) go before the main class, e.g. {@code -Xmx2g}.
 */
@AutoService(ExecutorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class JavaProcessProvider implements ExecutorProvider {
  public static final String ID = "java_process";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Calls a public static Java method like java_function, each trial in a separate JVM (killable, measured).";
  }

  @Override
  public Set<String> keys() {
    return KillLimits.withKillKeys(Set.of("class", "method", "classpath", "jvm_options", "env"));
  }

  @Override
  public Executor create(Context context) {
    context.requireKnownKeys(keys());
    ConfigNode function = context.function();
    JavaMethodTarget target = JavaMethodTarget.resolve(context); // checks class and method now, in this JVM
    return new JavaProcessExecutor(
        target, jvmOptions(function), context.configDirectory(), EnvironmentSetting.read(function), KillLimits.forProcesses(function));
  }

  private static List<String> jvmOptions(ConfigNode function) {
    ConfigNode node = function.get("jvm_options");
    List<String> options = new ArrayList<>();
    if (node.isMissing()) {
      return options;
    }
    if (!node.json().isArray()) {
      throw node.error("must be a list of JVM options, e.g. [\"-Xmx2g\"]");
    }
    for (ConfigNode o : node.elements()) {
      if (!o.json().isTextual()) {
        throw o.error("must be a string");
      }
      options.add(o.json().asText());
    }
    return options;
  }
}
