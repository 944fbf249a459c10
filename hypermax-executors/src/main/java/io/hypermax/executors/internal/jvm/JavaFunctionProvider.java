package io.hypermax.executors.internal.jvm;

import com.google.auto.service.AutoService;
import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.executors.internal.process.KillLimits;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * {@code function.type: java_function}: calls {@code public static} {@code method(Map<String,Object>)}
 * of {@code class} in this JVM, loading it from the optional {@code classpath} (jars or folders,
 * relative to the config file). {@code auto_kill_max_time} interrupts and abandons the call; RAM
 * limits need java_process.
 */
@AutoService(ExecutorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class JavaFunctionProvider implements ExecutorProvider {
  public static final String ID = "java_function";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Calls a public static Java method (Map<String,Object> -> number or Map) inside the hypermax JVM.";
  }

  @Override
  public Set<String> keys() {
    return KillLimits.withKillKeys(Set.of("class", "method", "classpath"));
  }

  @Override
  public Executor create(Context context) {
    context.requireKnownKeys(keys());
    KillLimits limits = KillLimits.from(context.function());
    for (String key : new String[] {KillLimits.MAX_RAM, KillLimits.MAX_SYSTEM_RAM}) {
      if (context.function().has(key)) {
        throw context.function().get(key).error(
            "cannot be enforced for a function inside the hypermax JVM; use type: java_process, which runs each"
                + " trial in a JVM of its own that can be measured and killed");
      }
    }
    JavaMethodTarget target = JavaMethodTarget.resolve(context);
    // A System.exit in the function ends the JVM; the watcher at least journals the trial as FAILED.
    Executor executor = new ExitWatchingExecutor(new FunctionExecutor((io.hypermax.core.function.ReportingFunction) target::invoke));
    return limits.hasTimeLimit() ? new TimeLimitedExecutor(executor, limits) : executor;
  }
}
