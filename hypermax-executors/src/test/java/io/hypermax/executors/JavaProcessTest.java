package io.hypermax.executors;

import static io.hypermax.executors.Executors.create;
import static io.hypermax.executors.Executors.log;
import static io.hypermax.executors.Executors.runOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaProcessTest {
  @TempDir Path dir;

  private Executor java(String type, String method, String extra) {
    return create(
        "{\"type\":\"" + type + "\",\"class\":\"" + TestModels.class.getName() + "\",\"method\":\"" + method + "\"" + extra + "}",
        dir,
        dir);
  }

  @Test
  void runsTheMethodInAJvmOfItsOwn() throws Exception {
    Map<String, Object> params = new HashMap<>();
    params.put("x", 3);
    params.put("flag", null);
    params.put("list", List.of(true, "a"));
    TrialResult r = runOne(java("java_process", "square", ",\"jvm_options\":[\"-Xmx64m\"]"), params, dir);
    assertEquals(TrialStatus.COMPLETE, r.status(), r.error());
    assertEquals(9.0, r.loss());
    assertNotEquals(ProcessHandle.current().pid(), ((Number) r.metadata().get("pid")).longValue());
    assertTrue(r.metadata().containsKey("flag") && r.metadata().get("flag") == null);
    assertEquals(List.of(true, "a"), r.metadata().get("list"));
    assertTrue(log(dir, 0).contains("squaring 3.0"));
    assertTrue(r.usage().peakRssMiB() > 5 && r.usage().cpuSeconds() > 0, r.usage().toString());
  }

  @Test
  void anExceptionIsAFailedTrialWithTheStackTraceInTheLog() throws Exception {
    TrialResult r = runOne(java("java_process", "fail", ""), Map.of(), dir);
    assertEquals(TrialStatus.FAILED, r.status());
    assertEquals(TestModels.class.getName() + ".fail raised java.lang.IllegalStateException: diverged at step 3", r.error());
    assertTrue(log(dir, 0).contains("at " + TestModels.class.getName() + ".fail"));
    r = runOne(java("java_process", "answer", ""), Map.of(), dir);
    assertTrue(r.error().contains("return a number or an object with 'loss'"), r.error());
    r = runOne(java("java_process", "custom", ""), Map.of(), dir);
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("a java.time.Duration cannot be passed back to hypermax"), r.error());
  }

  @Test
  void aHangingJvmIsKilledOnTime() throws Exception {
    Executor executor = java("java_process", "sleep", ",\"auto_kill_max_time\":1.5,\"auto_kill_loss\":3");
    long start = System.nanoTime();
    TrialResult r = runOne(executor, Map.of(), dir);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(TrialStatus.KILLED, r.status());
    assertEquals(3.0, r.loss());
    assertTrue(seconds < 3.5, "took " + seconds);
  }

  @Test
  void javaFunctionHonoursTheTimeLimitByAbandoningTheCall() throws Exception {
    Executor executor = java("java_function", "sleep", ",\"auto_kill_max_time\":0.3,\"auto_kill_loss\":3");
    long start = System.nanoTime();
    TrialResult r = runOne(executor, Map.of(), dir);
    assertEquals(TrialStatus.KILLED, r.status());
    assertEquals(3.0, r.loss());
    assertTrue(r.error().contains("auto_kill_max_time 0.3 s exceeded"), r.error());
    assertTrue((System.nanoTime() - start) / 1e9 < 1.5);
    assertEquals(4.0, runOne(java("java_function", "square", ",\"auto_kill_max_time\":5,\"auto_kill_loss\":3"),
        Map.of("x", 2), dir).loss());
  }

  @Test
  void javaFunctionRejectsRamLimitsItCannotEnforce() {
    ConfigException e = assertThrows(
        ConfigException.class, () -> java("java_function", "square", ",\"auto_kill_max_ram\":100,\"auto_kill_loss\":1"));
    assertEquals("function.auto_kill_max_ram", e.path());
    assertTrue(e.getMessage().contains("java_process"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> java("java_process", "nope", ""));
    assertEquals("function.method", e.path());
  }
}
