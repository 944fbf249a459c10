package io.hypermax.executors.internal.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.internal.plugin.PluginKind;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaFunctionExecutorTest {
  @TempDir Path dir;

  /** Objectives the tests call. */
  public static final class Objectives {
    public static double square(Map<String, Object> p) {
      double x = ((Number) p.get("x")).doubleValue();
      return x * x;
    }

    public static Map<String, Object> withMetadata(Map<String, Object> p) {
      return Map.of("loss", 1.5, "time", 2.0, "epochs", 12);
    }

    public static double explode(Map<String, Object> p) {
      throw new ArithmeticException("division by zero in layer 3");
    }

    public static String wrongType(Map<String, Object> p) {
      return "great";
    }

    public double notStatic(Map<String, Object> p) {
      return 0;
    }
  }

  private static ConfigNode function(String yaml) {
    return new ConfigNode("search.yaml", "function", ConfigLoader.parseTree("f.yaml", yaml));
  }

  private Executor executor(String yaml) {
    return Plugins.load().executor("java_function").create(new ExecutorProvider.Context(function(yaml), dir, dir));
  }

  private TrialRequest request(int number, Map<String, Object> params) {
    return new TrialRequest(number, params, params, dir.resolve("logs/trial_" + number + ".txt"), "logs/trial_" + number + ".txt");
  }

  @Test
  void isFoundByServiceLoader() {
    assertTrue(Plugins.load().ids(PluginKind.EXECUTOR).contains("java_function"));
  }

  @Test
  void callsTheStaticMethodWithTheParameters() throws Exception {
    String cls = Objectives.class.getName();
    try (Executor e = executor("type: java_function\nclass: " + cls + "\nmethod: square\n")) {
      TrialResult r = e.run(request(0, Map.of("x", 3.0)));
      assertEquals(TrialStatus.COMPLETE, r.status());
      assertEquals(9.0, r.loss());
      assertTrue(r.usage().wallSeconds() >= 0);
    }
    try (Executor e = executor("type: java_function\nclass: " + cls + "\nmethod: withMetadata\n")) {
      TrialResult r = e.run(request(1, Map.of()));
      assertEquals(1.5, r.loss());
      assertEquals(2.0, r.time());
      assertEquals(Map.of("epochs", 12), r.metadata());
    }
  }

  @Test
  void aThrowingFunctionIsAFailedTrialWithTheStackTraceInItsLog() throws Exception {
    try (Executor e = executor("type: java_function\nclass: " + Objectives.class.getName() + "\nmethod: explode\n")) {
      TrialResult r = e.run(request(4, Map.of()));
      assertEquals(TrialStatus.FAILED, r.status());
      assertTrue(r.error().contains("ArithmeticException: division by zero in layer 3"), r.error());
      assertEquals("logs/trial_4.txt", r.log());
      String log = Files.readString(dir.resolve("logs/trial_4.txt"));
      assertTrue(log.contains("at " + Objectives.class.getName() + ".explode"), log);
    }
  }

  @Test
  void aFunctionReturningNeitherNumberNorObjectFails() throws Exception {
    try (Executor e = executor("type: java_function\nclass: " + Objectives.class.getName() + "\nmethod: wrongType\n")) {
      TrialResult r = e.run(request(0, Map.of()));
      assertEquals(TrialStatus.FAILED, r.status());
      assertTrue(r.error().contains("String great"), r.error());
    }
  }

  @Test
  void configMistakesNameTheField() {
    String cls = Objectives.class.getName();
    assertEquals("function.class", assertThrows(ConfigException.class, () -> executor("type: java_function\nclass: no.such.Model\n")).path());
    assertEquals("function.method", assertThrows(ConfigException.class, () -> executor("type: java_function\nclass: " + cls + "\nmethod: nope\n")).path());
    ConfigException notStatic = assertThrows(ConfigException.class, () -> executor("type: java_function\nclass: " + cls + "\nmethod: notStatic\n"));
    assertTrue(notStatic.problem().contains("must be static"), notStatic.problem());
    assertEquals("function.clas", assertThrows(ConfigException.class, () -> executor("type: java_function\nclas: x\n")).path());
    assertEquals("function.classpath[0]", assertThrows(ConfigException.class,
        () -> executor("type: java_function\nclass: a.B\nclasspath: [missing.jar]\n")).path());
  }

  @Test
  void loadsTheClassFromTheConfiguredClasspathRelativeToTheConfig() throws Exception {
    Path src = dir.resolve("src/model/Parabola.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, """
        package model;
        public class Parabola {
          public static double evaluate(java.util.Map<String, Object> p) {
            double x = ((Number) p.get("x")).doubleValue();
            return (x - 2) * (x - 2) + 1;
          }
        }
        """);
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
    assertEquals(0, rc);
    try (Executor e = executor("type: java_function\nclass: model.Parabola\nclasspath: [classes]\n")) {
      assertEquals(1.0, e.run(request(0, Map.of("x", 2))).loss());
      assertEquals(2.0, e.run(request(1, Map.of("x", 3))).loss());
    }
  }
}
