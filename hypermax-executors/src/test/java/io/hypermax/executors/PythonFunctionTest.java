package io.hypermax.executors;

import static io.hypermax.executors.Executors.create;
import static io.hypermax.executors.Executors.log;
import static io.hypermax.executors.Executors.runOne;
import static io.hypermax.executors.Executors.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonFunctionTest {
  @TempDir Path dir;

  private Executor python(String module, String name, String extra) {
    return create(
        "{\"type\":\"python_function\",\"python\":\"" + Executors.PYTHON + "\",\"module\":\"" + module
            + "\",\"name\":\"" + name + "\"" + extra + "}",
        dir,
        dir);
  }

  @Test
  void returnsTheFunctionsLossAndMetadataAndMeasuresTheProcess() throws Exception {
    write(dir.resolve("model.py"), "def train(p):\n    return {'loss': p['x'] * 2, 'note': 'hi'}\n");
    TrialResult r = runOne(python("model", "train", ""), Map.of("x", 1.5), dir);
    assertEquals(TrialStatus.COMPLETE, r.status(), r.error());
    assertEquals(3.0, r.loss());
    assertEquals("hi", r.metadata().get("note"));
    // A bare python3 is ~10 MiB; far more would mean the JVM's own memory leaked into the figure.
    assertTrue(r.usage().peakRssMiB() > 1 && r.usage().peakRssMiB() < 60, "peak RSS " + r.usage());
    assertTrue(r.usage().cpuSeconds() > 0, "cpu " + r.usage());
    assertTrue(r.usage().wallSeconds() > 0);
  }

  @Test
  void booleansNullsAndNestedValuesArriveAsPythonValues() throws Exception {
    write(
        dir.resolve("model.py"),
        """
        def train(p):
            assert p['flag'] is True and p['off'] is False, p
            assert p['nothing'] is None, p
            assert p['opt'] == {'name': 'adam', 'betas': [0.9, 0.99], 'nested': {'deep': 3}}, p
            assert isinstance(p['opt']['nested']['deep'], int), p
            return {'loss': 0.5, 'types': [type(p[k]).__name__ for k in ('flag', 'nothing', 'opt', 'count')]}
        """);
    Map<String, Object> params = new HashMap<>();
    params.put("flag", true);
    params.put("off", false);
    params.put("nothing", null);
    params.put("count", 4);
    params.put("opt", Map.of("name", "adam", "betas", List.of(0.9, 0.99), "nested", Map.of("deep", 3)));
    TrialResult r = runOne(python("model", "train", ""), params, dir);
    assertEquals(TrialStatus.COMPLETE, r.status(), r.error());
    assertEquals(List.of("bool", "NoneType", "dict", "int"), r.metadata().get("types"));
  }

  @Test
  void printsCannotCorruptTheResult() throws Exception {
    write(dir.resolve("model.py"), "import sys\ndef train(p):\n    print('999')\n    sys.stdout.write('{\"loss\": 7}')\n    return 1.25\n");
    TrialResult r = runOne(python("model", "train", ""), Map.of(), dir);
    assertEquals(1.25, r.loss());
    assertEquals("logs/trial_0.txt", r.log());
    assertTrue(log(dir, 0).contains("999"));
  }

  @Test
  void anExceptionIsAFailedTrialWithTheTracebackInTheLog() throws Exception {
    write(dir.resolve("model.py"), "def train(p):\n    helper()\n\ndef helper():\n    raise ValueError('learning rate too high')\n");
    TrialResult r = runOne(python("model", "train", ""), Map.of(), dir);
    assertEquals(TrialStatus.FAILED, r.status());
    assertEquals("model.train raised ValueError: learning rate too high", r.error());
    String log = log(dir, 0);
    assertTrue(log.contains("Traceback") && log.contains("in helper"), log);
  }

  @Test
  void aMissingModuleIsAConfigErrorAndAMissingFunctionAFailedTrial() throws Exception {
    ConfigException missing = assertThrows(ConfigException.class, () -> python("no_such_model", "train", ""));
    assertEquals("function.module", missing.path());
    assertTrue(missing.problem().contains("no module 'no_such_model'"), missing.problem());
    Executor installed = python("json", "dumps", "");
    installed.close(); // an importable module that is not beside the config is fine
    write(dir.resolve("model.py"), "def other(p):\n    return 1\n");
    TrialResult r = runOne(python("model", "train", ""), Map.of(), dir);
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("has no function 'train'"), r.error());
  }

  @Test
  void aModuleThatCannotBeImportedHintsAtFunctionPython() throws Exception {
    // The model's file exists, but a package it imports is installed for another interpreter only.
    write(dir.resolve("model.py"), "import hypermax_surely_not_installed_pkg\ndef train(p):\n    return 1.0\n");
    TrialResult r = runOne(python("model", "train", ""), Map.of(), dir);
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("No module named 'hypermax_surely_not_installed_pkg'"), r.error());
    assertTrue(r.error().contains("set function.python"), r.error());
    ConfigException missing = assertThrows(ConfigException.class, () -> python("no_such_model", "train", ""));
    assertTrue(missing.getMessage().contains("set function.python"), missing.getMessage());
  }

  @Test
  void aResultWithoutLossOrAProcessThatDiesIsFailed() throws Exception {
    write(dir.resolve("model.py"), "import os\ndef train(p):\n    return {'accuracy': 0.9}\ndef die(p):\n    print('bye')\n    os._exit(4)\n");
    TrialResult r = runOne(python("model", "train", ""), Map.of(), dir);
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("no 'loss'"), r.error());
    r = runOne(python("model", "die", ""), Map.of(), dir);
    assertEquals(TrialStatus.FAILED, r.status());
    assertEquals("python exited with code 4 before model.die returned (last output: bye)", r.error());
  }

  @Test
  void aTrialOverTheTimeLimitIsKilledPromptlyWithTheKillLoss() throws Exception {
    write(dir.resolve("slow.py"), "import time\ndef train(p):\n    print('started', flush=True)\n    time.sleep(30)\n    return 0\n");
    Executor executor = python("slow", "train", ",\"auto_kill_max_time\":1,\"auto_kill_loss\":99");
    long start = System.nanoTime();
    TrialResult r = runOne(executor, Map.of(), dir);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(TrialStatus.KILLED, r.status());
    assertEquals(99.0, r.loss());
    assertTrue(seconds < 3.0, "took " + seconds + " s");
    assertTrue(r.error().startsWith("killed: auto_kill_max_time 1 s exceeded, the trial ran 1.0"), r.error());
    String log = log(dir, 0);
    assertTrue(log.contains("started") && log.contains("[hypermax] killed: auto_kill_max_time"), log);
  }

  @Test
  void aChildProcessOverTheRamLimitGetsTheWholeTreeKilled() throws Exception {
    Path pids = dir.resolve("pids.txt");
    write(
        dir.resolve("hungry.py"),
        """
        import os, subprocess, sys, time
        def train(p):
            child = subprocess.Popen([sys.executable, '-c',
                "import time; block = b'x' * (300 * 1024 * 1024); time.sleep(30)"])
            with open(p['pids'], 'w') as f:
                f.write('%d %d' % (os.getpid(), child.pid))
            time.sleep(30)
            return 0
        """);
    Executor executor = python("hungry", "train", ",\"auto_kill_max_ram\":150,\"auto_kill_loss\":5");
    long start = System.nanoTime();
    TrialResult r = runOne(executor, Map.of("pids", pids.toString()), dir);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(TrialStatus.KILLED, r.status(), r.error());
    assertEquals(5.0, r.loss());
    assertTrue(r.error().startsWith("killed: auto_kill_max_ram 150 MiB exceeded, the trial's processes used"), r.error());
    assertTrue(r.usage().peakRssMiB() > 150, "peak " + r.usage());
    assertTrue(seconds < 10, "took " + seconds);
    for (String pid : Files.readString(pids).split(" ")) {
      assertFalse(running(Long.parseLong(pid)), "process " + pid + " still runs");
    }
  }

  @Test
  void stoppingTheStudyKillsTheTrialsProcesses() throws Exception {
    Path pidFile = dir.resolve("pid.txt");
    write(dir.resolve("slow.py"), "import os, time\ndef train(p):\n    open(p['pid'], 'w').write(str(os.getpid()))\n    time.sleep(30)\n");
    Executor executor = python("slow", "train", "");
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        runOne(executor, Map.of("pid", pidFile.toString()), dir);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    worker.start();
    long deadline = System.currentTimeMillis() + 10_000;
    while (!(Files.exists(pidFile) && Files.size(pidFile) > 0) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    long pid = Long.parseLong(Files.readString(pidFile));
    worker.interrupt();
    worker.join(5_000);
    assertFalse(worker.isAlive());
    assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
    assertFalse(running(pid), "the trial's python still runs");
  }

  @Test
  void theDefaultInterpreterIsPython3() throws Exception {
    write(dir.resolve("model.py"), "def train(p):\n    return 0.25\n");
    Executor executor = create("{\"type\":\"python_function\",\"module\":\"model.py\",\"name\":\"train\"}", dir, dir);
    assertEquals(0.25, runOne(executor, Map.of(), dir).loss());
  }

  /** Gone, or a zombie: dead and waiting only for its (new) parent to reap it. */
  private static boolean running(long pid) throws Exception {
    Path stat = Path.of("/proc/" + pid + "/stat");
    if (!Files.exists(stat)) {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
    try {
      String s = Files.readString(stat);
      return !s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
    } catch (java.nio.file.NoSuchFileException e) {
      return false; // reaped just now
    }
  }

  @Test
  void limitsWithoutAKillLossAreAConfigError() {
    ConfigException e = assertThrows(ConfigException.class, () -> python("m", "f", ",\"auto_kill_max_time\":5"));
    assertEquals("function.auto_kill_loss", e.path());
    assertTrue(e.getMessage().contains("is required"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> python("m", "f", ",\"auto_kill_max_ram\":-1,\"auto_kill_loss\":1"));
    assertEquals("function.auto_kill_max_ram", e.path());
    e = assertThrows(ConfigException.class, () -> python("m", "f", ",\"python\":\"no-such-python-9\""));
    assertEquals("function.python", e.path());
    e = assertThrows(ConfigException.class, () -> python("m-1", "f", ""));
    assertEquals("function.module", e.path());
  }
}
