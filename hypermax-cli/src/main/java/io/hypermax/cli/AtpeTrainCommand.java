package io.hypermax.cli;

import io.hypermax.optimizers.internal.atpe.training.TrainingConfig;
import io.hypermax.optimizers.internal.atpe.training.TrainingPipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hypermax atpe-train}: runs Adaptive-TPE's training pipeline (docs/atpe.md). */
@Command(name = "atpe-train", mixinStandardHelpOptions = true,
    description = "Train Adaptive-TPE's policy on simulated objectives; writes atpe-policy.json and a report.")
final class AtpeTrainCommand implements Callable<Integer> {
  @Option(names = "--seed", description = "Master seed (default ${DEFAULT-VALUE}).", defaultValue = "20261203")
  long seed;

  @Option(names = "--size", description = "small (seconds, what the tests run) or full (the shipped model; minutes).",
      defaultValue = "full")
  String size;

  @Option(names = "--out", description = "Output directory (default ${DEFAULT-VALUE}).", defaultValue = "atpe-train")
  Path out;

  @Option(names = "--objectives", description = "Override the size's number of simulated objectives (>= 5).")
  Integer objectives;

  @Option(names = "--horizon", description = "Override the size's label horizon (trials each action runs from a state).")
  Integer horizon;

  @Option(names = "--labels", description = "Override the size's action values: rank or log_regret (docs/atpe.md).")
  String labels;

  @Override
  public Integer call() throws Exception {
    TrainingConfig base = switch (size) {
      case "small" -> TrainingConfig.small(seed);
      case "full" -> TrainingConfig.full(seed);
      default -> throw new UserException("--size must be small or full, found '" + size + "'", 2);
    };
    TrainingConfig config;
    try {
      config = new TrainingConfig(base.masterSeed(), objectives != null ? objectives : base.objectives(),
          base.histories(), base.checkpoints(), horizon != null ? horizon : base.horizon(), base.actions(),
          base.kCandidates(), labels != null ? labels : base.labels());
    } catch (IllegalArgumentException e) {
      throw new UserException("atpe-train: " + e.getMessage(), 2);
    }
    new TrainingPipeline(config).run(out);
    System.out.println("wrote " + out.resolve(TrainingPipeline.MODEL_FILE) + " and "
        + out.resolve(TrainingPipeline.REPORT_FILE));
    return 0;
  }
}
