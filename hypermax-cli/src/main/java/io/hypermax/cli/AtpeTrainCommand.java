package io.hypermax.cli;

import io.hypermax.optimizers.atpe.training.TrainingConfig;
import io.hypermax.optimizers.atpe.training.TrainingPipeline;
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

  @Override
  public Integer call() throws Exception {
    TrainingConfig config = switch (size) {
      case "small" -> TrainingConfig.small(seed);
      case "full" -> TrainingConfig.full(seed);
      default -> throw new UserException("--size must be small or full, found '" + size + "'", 2);
    };
    new TrainingPipeline(config).run(out);
    System.out.println("wrote " + out.resolve(TrainingPipeline.MODEL_FILE) + " and "
        + out.resolve(TrainingPipeline.REPORT_FILE));
    return 0;
  }
}
