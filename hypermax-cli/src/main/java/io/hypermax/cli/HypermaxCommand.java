package io.hypermax.cli;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.internal.run.SearchRun;
import io.hypermax.core.study.Study;
import io.hypermax.core.study.StudyListener;
import io.hypermax.core.trial.Trial;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hypermax CONFIG [RESULTS_DIR]}: runs a search, or resumes the one in RESULTS_DIR. */
@Command(
    name = "hypermax",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Hyperparameter optimization: runs the search described in CONFIG (JSON or YAML).",
    subcommands = {
      ValidateCommand.class,
      InitCommand.class,
      PluginsCommand.class,
      ResultsCommand.class,
      BenchCommand.class,
      WorkerCommand.class,
      StudyCommand.class,
      DashboardCommand.class,
      GuideCommand.class,
      AtpeTrainCommand.class,
      AtpeBenchCommand.class,
      SlurmWorkersCommand.class
    })
final class HypermaxCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(HypermaxCommand.class);

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "The search configuration.")
  Path config;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "RESULTS_DIR",
      description = "A results directory of an earlier run of this search, to resume it.")
  Path resume;

  @Option(names = "--seed", description = "Seed for a reproducible sequence of trials (overrides search.seed).")
  Long seed;

  @Option(names = "--iterations", description = "Total number of trials, resumed ones included (overrides search.iterations).")
  Integer iterations;

  @Option(names = "--no-ui", description = "Plain log lines instead of the live progress display.")
  boolean noUi;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      description = "Write the results of a new search to DIR (it must not exist yet) instead of the next free results_N.")
  Path newResults;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "No progress display and no warnings: only errors and the final summary.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "More log output: -v information, -vv debug.")
  boolean[] verbose = new boolean[0];

  @Option(names = "--storage", paramLabel = "URL",
      description = "Start (or join) a study shared by workers on many hosts, e.g. postgresql://user@host:5432/db?study=name (see hypermax worker).")
  String storage;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (config == null) {
      System.err.println("usage: hypermax CONFIG [RESULTS_DIR]   (see hypermax --help)");
      return ErrorHandler.CONFIG_ERROR;
    }
    if (newResults != null && resume != null) {
      throw new UserException(
          "--results names a new results directory; it cannot be combined with RESULTS_DIR (the one to resume)",
          ErrorHandler.CONFIG_ERROR);
    }
    HypermaxConfig cfg = ConfigLoader.load(config);
    if (seed != null) {
      cfg = cfg.withSearchValue("seed", seed);
    }
    if (iterations != null) {
      if (iterations < 1) {
        throw new UserException("--iterations must be at least 1", ErrorHandler.CONFIG_ERROR);
      }
      cfg = cfg.withSearchValue("iterations", iterations);
    }
    Plugins registry = plugins.load(cfg.pluginPaths());
    registry.problems().forEach(LOG::warn);
    if (storage != null || cfg.storageUrl() != null) {
      return WorkerCommand.work(cfg, registry, storage != null ? storage : cfg.storageUrl(), null, out); // docs/scale-out.md
    }

    boolean terminal = !quiet && TerminalWidth.interactive();
    boolean consoleUi = terminal && !noUi && cfg.uiEnabled();
    ProgressListener progress = new ProgressListener(out, terminal && !noUi);
    // The console UI needs the study, which the listeners are given to: they reach it through this switch.
    java.util.concurrent.atomic.AtomicReference<StudyListener> shown = new java.util.concurrent.atomic.AtomicReference<>(progress);
    StudyListener display = new SwitchedListener(shown);
    Path workingDirectory = Path.of("").toAbsolutePath();
    SearchRun.Options options =
        new SearchRun.Options(
            workingDirectory, resume, quiet ? List.of() : List.<StudyListener>of(display), LOG::warn, newResults);
    try (SearchRun run = SearchRun.prepare(cfg, registry, options);
        AutoCloseable web = DashboardCommand.besideSearch(cfg, run.resultsDirectory(), run.study().iterations(), out)) {
      Study study = run.study();
      if (!quiet) {
        progress.begin(study, run.resultsDirectory(), run.resumed());
      }
      InterruptHandler interrupts =
          new InterruptHandler(
              study,
              progress,
              System.err,
              run.resultsDirectory(),
              ResumeCommand.of(workingDirectory, config, run.resultsDirectory(), iterations, plugins.pluginPath),
              ResumeCommand.regenerate(workingDirectory, run.resultsDirectory()));
      interrupts.install();
      io.hypermax.cli.ui.ConsoleUi ui = null;
      if (consoleUi) {
        ui = new io.hypermax.cli.ui.ConsoleUi(study, run.resultsDirectory(), progress, System.in, System.out);
        if (ui.start()) {
          shown.set(ui);
          if (web instanceof io.hypermax.results.internal.dashboard.DashboardServer server) {
            ui.note("dashboard: " + server.url()); // printed above, now hidden by the screen
          }
          interrupts.beforeReport(ui::restore);
        } else {
          ui = null;
        }
      }
      Study.Outcome outcome;
      try {
        outcome = run.run();
      } catch (RuntimeException | Error e) {
        if (ui != null) {
          ui.close();
        }
        interrupts.runEnded();
        interrupts.uninstall();
        throw e;
      }
      if (ui != null) {
        ui.close(); // the terminal is back before anything is printed
      }
      // Lets a running signal hook report that the final result pass finished.
      interrupts.runEnded();
      if (interrupts.signalled()) {
        return 130; // the hook printed the summary and the resume command; the JVM is exiting
      }
      progress.end();
      printSummary(out, outcome, run);
      interrupts.uninstall();
      if (ui != null && ui.stopRequested()) {
        System.err.println("stopped from the console UI; resume with: "
            + ResumeCommand.of(workingDirectory, config, run.resultsDirectory(), iterations, plugins.pluginPath));
        return 130;
      }
      if (outcome.interrupted()) {
        return 130;
      }
      if (outcome.tooManyFailures()) {
        System.err.println("error: " + outcome.stopReason());
        return 1;
      }
      if (outcome.snapshot().complete().isEmpty()) {
        // Scripts and CI must be able to tell that the model never ran successfully.
        System.err.println("error: no trial completed successfully; see results.csv and the logs folder");
        return 1;
      }
      return 0;
    }
  }

  private static void printSummary(PrintStream out, Study.Outcome outcome, SearchRun run) {
    var snap = outcome.snapshot();
    if (outcome.stopReason() != null && !outcome.interrupted()) {
      out.println("search ended early: " + outcome.stopReason());
    }
    out.printf("%d trials finished (%d complete) — results in %s%n", snap.finished().size(), snap.complete().size(), run.resultsDirectory());
    if (snap.best().isPresent()) {
      Trial best = snap.best().get();
      out.printf("best loss: %s (trial %d)%n", ProgressListener.fmt(best.loss()), best.number());
      out.println("best parameters: " + ProgressListener.json(best.parameters()));
    } else {
      out.println("no trial completed successfully; see results.csv and the logs folder for the errors");
    }
  }
}
