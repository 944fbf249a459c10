package io.hypermax.executors.jvm;

import com.google.auto.service.AutoService;
import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import java.util.Set;

/**
 * {@code function.type: java_function}: calls {@code public static} {@code method(Map<String,Object>)}
 * of {@code class} in this JVM, loading it from the optional {@code classpath} (jars or folders,
 * relative to the config file).
 */
@AutoService(ExecutorProvider.class)
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
  public Executor create(Context context) {
    context.requireKnownKeys(Set.of("class", "method", "classpath"));
    JavaMethodTarget target = JavaMethodTarget.resolve(context);
    return new FunctionExecutor(target::invoke);
  }
}
