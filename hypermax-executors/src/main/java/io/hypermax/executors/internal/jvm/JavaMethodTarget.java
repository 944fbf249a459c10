package io.hypermax.executors.internal.jvm;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.internal.plugin.PluginPath;
import io.hypermax.core.spi.ExecutorProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.hypermax.core.pruning.TrialHandle;
import io.hypermax.core.stability.API;

/**
 * The {@code class}/{@code method}/{@code classpath} of a java_function, resolved and checked when
 * the config is loaded, so a misspelt class name is a config error rather than N failed trials.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class JavaMethodTarget {
  private final Method method;
  private final List<Path> classpath;

  private JavaMethodTarget(Method method, List<Path> classpath) {
    this.method = method;
    this.classpath = List.copyOf(classpath);
  }

  public static JavaMethodTarget resolve(ExecutorProvider.Context context) {
    ConfigNode function = context.function();
    String className = function.requireString("class");
    String methodName = function.string("method", "evaluate");
    List<Path> classpath = new ArrayList<>();
    ConfigNode cp = function.get("classpath");
    if (!cp.isMissing()) {
      List<ConfigNode> entries = cp.json().isArray() ? cp.elements() : List.of(cp);
      for (ConfigNode entry : entries) {
        if (!entry.json().isTextual()) {
          throw entry.error("must be a path to a jar file or folder");
        }
        Path path = context.resolve(entry.json().asText());
        if (!Files.exists(path)) {
          throw entry.error("does not exist: " + path);
        }
        classpath.add(path);
      }
    }
    ClassLoader parent = Thread.currentThread().getContextClassLoader();
    if (parent == null) {
      parent = JavaMethodTarget.class.getClassLoader();
    }
    ClassLoader loader = PluginPath.classLoader(classpath, parent);
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw function.get("class").error("class not found: " + className + (classpath.isEmpty() ? " (no classpath given)" : " on " + classpath));
    }
    Method method;
    try {
      method = reporting(type, methodName);
    } catch (NoSuchMethodException e) {
      throw function.get("method").error(
          "no public method " + methodName + "(Map<String, Object>) or " + methodName
              + "(Map<String, Object>, TrialHandle) in " + className);
    }
    if (!Modifier.isStatic(method.getModifiers())) {
      throw function.get("method").error(className + "." + methodName + " must be static");
    }
    Class<?> r = method.getReturnType();
    if (r == void.class) {
      throw function.get("method").error(className + "." + methodName + " returns void; return a number or a Map");
    }
    return new JavaMethodTarget(method, classpath);
  }

  /**
   * {@code name(Map, TrialHandle)} (a function that reports intermediate values) when the class has
   * one, else {@code name(Map)}.
   */
  static Method reporting(Class<?> type, String name) throws NoSuchMethodException {
    try {
      return type.getMethod(name, Map.class, TrialHandle.class);
    } catch (NoSuchMethodException e) {
      return type.getMethod(name, Map.class);
    }
  }

  /** Whether the method takes a {@link TrialHandle} to report through. */
  public boolean reports() {
    return method.getParameterCount() == 2;
  }

  /** Calls the method; an exception thrown by it is rethrown as is (the executor turns it into a FAILED trial). */
  public Object invoke(Map<String, Object> parameters, TrialHandle handle) throws Exception {
    try {
      return reports() ? method.invoke(null, parameters, handle) : method.invoke(null, parameters);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  public Method method() {
    return method;
  }

  /** The configured {@code classpath} entries, resolved against the config's folder. */
  public List<Path> classpath() {
    return classpath;
  }
}
