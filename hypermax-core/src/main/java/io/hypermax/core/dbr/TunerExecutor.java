package io.hypermax.core.dbr;

import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a planned trial: builds with exactly the trial's values, hands the result to the trial
 * runner and returns its score with the recorded metrics. Failures are handled (and logged) as for
 * any JVM function by {@link FunctionExecutor}.
 */
final class TunerExecutor<M> implements Executor {
  private final ParameterRegistry registry;
  private final BuildFunction<M> build;
  private final TrialRunner<M> runner;

  TunerExecutor(ParameterRegistry registry, BuildFunction<M> build, TrialRunner<M> runner) {
    this.registry = registry;
    this.build = build;
    this.runner = runner;
  }

  @Override
  public TrialResult run(TrialRequest request) throws InterruptedException {
    return new FunctionExecutor(ignoredNested -> evaluate(request)).run(request);
  }

  private Map<String, Object> evaluate(TrialRequest request) throws Exception {
    HyperParameters hp = new HyperParameters(registry, request.flatParameters(), null);
    TunerTrial trial = new TunerTrial(request.number(), hp, request.handle());
    Double score = runner.run(trial, build.build(hp));
    if (score == null) {
      throw new IllegalStateException("the trial runner returned no score (null)");
    }
    Map<String, Object> result = new LinkedHashMap<>(trial.metrics());
    result.put("loss", score);
    return result;
  }
}
