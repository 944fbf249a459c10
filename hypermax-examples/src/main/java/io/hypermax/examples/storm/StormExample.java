package io.hypermax.examples.storm;

import io.hypermax.core.dbr.HyperParameters;
import io.hypermax.core.dbr.TrialRecord;
import io.hypermax.core.dbr.Tuner;
import io.hypermax.core.dbr.TunerTrial;
import io.hypermax.core.dbr.TuningResult;
import io.hypermax.core.study.StudyListener;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import io.hypermax.core.stability.API;

/**
 * The StoRM README's example in Java: {@link #buildModel} declares the space while building an
 * untrained network (batch size and, nested, a dropout rate that exists only when dropout is on),
 * {@link #runTrial} trains it on Friedman #1 and scores it by validation loss, and the tuner
 * minimizes that score with StoRM.
 *
 * <pre>
 * java -cp hypermax-cli/target/hypermax-cli-*-all.jar io.hypermax.examples.storm.StormExample [projectDir] [maxTrials] [seed]
 * </pre>
 *
 * Running it again with the same project directory resumes the search.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class StormExample {
  static final int EPOCHS = 25;
  private static final Friedman1 DATA = Friedman1.generate(800, 400, 20231012L);

  /** An untrained network and the train-time settings read while building it. */
  record Model(Mlp network, int batchSize) {}

  private StormExample() {}

  static Model buildModel(HyperParameters hp) {
    // Train-time parameters can be defined in the build function too.
    int batchSize = hp.param("batch_size", List.of(32, 64, 128, 256), true);
    int units = hp.param("units", List.of(5, 10, 20, 40), true);
    Activation activation =
        hp.param("activation", List.of(Activation.TANH, Activation.SOFTSIGN, Activation.SELU, Activation.RELU, Activation.ELU, Activation.SOFTPLUS));
    // A nested parameter: dropout_val exists only when dropout is on.
    double dropout = 0;
    if (hp.param("dropout", List.of(true, false))) {
      dropout = hp.param("dropout_val", List.of(0.1, 0.2, 0.3, 0.4, 0.5), true);
    }
    double learningRate = hp.param("learning_rate", List.of(0.001, 0.003, 0.01, 0.03), true);
    return new Model(new Mlp(Friedman1.INPUTS, units, activation, dropout, learningRate, 7), batchSize);
  }

  /**
   * Trains for 25 epochs; the score is the mean validation loss of the last 5 (less noisy than the
   * last alone). Weights and batches are seeded the same way for every trial, so the score is a
   * function of the configuration and StoRM's never-repeat rule loses nothing.
   */
  static Double runTrial(TunerTrial trial, Model model) {
    double[] history =
        model.network().fit(DATA.trainX(), DATA.trainY(), EPOCHS, model.batchSize(), DATA.validX(), DATA.validY(), 1);
    trial.metric("epochs", history.length);
    trial.metric("final_val_loss", history[history.length - 1]);
    if (history.length < EPOCHS) {
      return Double.NaN; // diverged: a failed trial, never proposed again
    }
    return Arrays.stream(history, EPOCHS - 5, EPOCHS).average().orElseThrow();
  }

  /** The tuner of this example: StoRM with its defaults, printing a line per trial. */
  public static Tuner<Model> tuner(Path projectDir, int maxTrials, long seed) {
    return builder(projectDir, maxTrials, seed).setting("init_random", 5).setting("randomize_axis_factor", 0.5).listener(new Progress()).build();
  }

  /** The same tuning with another optimizer (e.g. {@code random}), quietly, for comparisons. */
  public static Tuner<Model> tuner(Path projectDir, int maxTrials, long seed, String method) {
    return builder(projectDir, maxTrials, seed).method(method).writeResults(false).build();
  }

  private static Tuner.Builder<Model> builder(Path projectDir, int maxTrials, long seed) {
    return Tuner.builder(StormExample::buildModel, StormExample::runTrial)
        .projectDir(projectDir)
        .direction("minimize")
        .maxTrials(maxTrials)
        .seed(seed);
  }

  public static void main(String[] args) {
    Path projectDir = Path.of(args.length > 0 ? args[0] : "storm-example-project");
    int maxTrials = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    TuningResult result = tuner(projectDir, maxTrials, seed).search();
    if (result.stopReason() != null) {
      System.out.println("stopped: " + result.stopReason());
    }
    TrialRecord best = result.best().orElseThrow(() -> new IllegalStateException("no trial completed"));
    System.out.printf(Locale.ROOT, "best trial %d: validation loss %.4f with %s%n", best.number(), best.score(), best.params());
    System.out.println("epochs per trial: " + result.metricValues("epochs"));
    System.out.println("results, journal and logs: " + projectDir.toAbsolutePath());
  }

  /** One line per finished trial, marking a new best. */
  private static final class Progress implements StudyListener {
    @Override
    public void trialFinished(Trial trial, StudySnapshot snapshot) {
      boolean best = snapshot.best().map(b -> b.number() == trial.number()).orElse(false);
      System.out.printf(
          Locale.ROOT,
          "trial %3d  %-8s  %10.4f%s  %s%n",
          trial.number(),
          trial.status(),
          trial.loss(),
          best ? " *" : "  ",
          trial.flatParameters());
    }
  }
}
