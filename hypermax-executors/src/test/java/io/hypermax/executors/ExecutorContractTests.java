package io.hypermax.executors;

import io.hypermax.core.contract.ExecutorContract;
import io.hypermax.core.spi.Executor;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/** Every bundled executor runs the executor contract of core's test kit. */
class ExecutorContractTests {

  private static Executor java(String type, String method, Path dir) {
    return Executors.create(
        "{\"type\":\"" + type + "\",\"class\":\"" + ContractModels.class.getName() + "\",\"method\":\"" + method + "\"}", dir, dir);
  }

  @Nested
  class JavaFunction extends ExecutorContract {
    @Override
    protected Executor returningXPlusOne(Path dir) {
      return java("java_function", "xPlusOne", dir);
    }

    @Override
    protected Executor failing(Path dir) {
      return java("java_function", "fail", dir);
    }

    @Override
    protected Executor sleeping(Path dir) {
      return java("java_function", "sleep", dir);
    }
  }

  @Nested
  class JavaProcess extends ExecutorContract {
    @Override
    protected Executor returningXPlusOne(Path dir) {
      return java("java_process", "xPlusOne", dir);
    }

    @Override
    protected Executor failing(Path dir) {
      return java("java_process", "fail", dir);
    }

    @Override
    protected Executor sleeping(Path dir) {
      return java("java_process", "sleep", dir);
    }
  }

  @Nested
  class PythonFunction extends ExecutorContract {
    private Executor python(String name, Path dir) {
      Executors.write(dir.resolve("contract_model.py"), """
          import time
          def x_plus_one(p):
              return {'loss': p['x'] + 1, 'echo': p['x']}
          def fail(p):
              raise ValueError('contract failure')
          def sleep(p):
              time.sleep(60)
              return 0
          """);
      return Executors.create(
          "{\"type\":\"python_function\",\"python\":\"" + Executors.PYTHON + "\",\"module\":\"contract_model\",\"name\":\"" + name + "\"}",
          dir, dir);
    }

    @Override
    protected Executor returningXPlusOne(Path dir) {
      return python("x_plus_one", dir);
    }

    @Override
    protected Executor failing(Path dir) {
      return python("fail", dir);
    }

    @Override
    protected Executor sleeping(Path dir) {
      return python("sleep", dir);
    }
  }

  @Nested
  class Executable extends ExecutorContract {
    private Executor sh(String script, Path dir) {
      Executors.write(dir.resolve("contract.sh"), script);
      return Executors.create("{\"type\":\"executable\",\"command\":\"sh contract.sh {x}\"}", dir, dir);
    }

    @Override
    protected Executor returningXPlusOne(Path dir) {
      return sh("echo \"{\\\"loss\\\": $(echo \"$1 + 1\" | bc -l), \\\"echo\\\": $1}\"\n", dir);
    }

    @Override
    protected Executor failing(Path dir) {
      return sh("echo 'contract failure' >&2\nexit 3\n", dir);
    }

    @Override
    protected Executor sleeping(Path dir) {
      return sh("sleep 60\n", dir);
    }
  }
}
