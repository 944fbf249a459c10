package io.hypermax.cli;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.internal.plugin.UnknownPluginException;
import io.hypermax.core.internal.run.SeedPolicy;
import io.hypermax.core.internal.run.SharedStudyWorker;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.spi.StorageProvider;
import io.hypermax.core.storage.SharedStudyStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hypermax worker CONFIG --storage URL}: one of many processes, on any hosts, working on one
 * shared study (docs/scale-out.md). {@code hypermax CONFIG --storage URL} runs the same.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = "Work on a study shared through --storage (e.g. PostgreSQL) with other workers on any hosts.")
final class WorkerCommand implements Callable<Integer> {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkerCommand.class);
  @Parameters(index = "0", paramLabel = "CONFIG", description = "The search configuration (the same on every worker).")
  Path config;

  @Option(names = "--storage", paramLabel = "URL",
      description = "The shared study, e.g. postgresql://user@host:5432/db?study=name (default: storage.url of the config).")
  String storage;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Where this worker writes trial logs and temporary files (default: <results.directory>_worker_<pid>).")
  Path workDir;

  @Option(names = "--iterations", description = "Total trials of the study (overrides search.iterations; adds slots, never removes).")
  Integer iterations;

  @Option(names = "--deterministic-lag", paramLabel = "N",
      description = "Under search.deterministic: trial n is suggested from trials 0..n-N exactly (default: parallel)."
          + " Give every worker the same N; the study runs at most N trials at once.")
  Integer deterministicLag;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    HypermaxConfig cfg = ConfigLoader.load(config);
    if (iterations != null) {
      if (iterations < 1) {
        throw new UserException("--iterations must be at least 1", ErrorHandler.CONFIG_ERROR);
      }
      cfg = cfg.withSearchValue("iterations", iterations);
    }
    Plugins registry = plugins.load(cfg.pluginPaths());
    registry.problems().forEach(LOG::warn);
    if (deterministicLag != null && deterministicLag < 1) {
      throw new UserException("--deterministic-lag must be at least 1", ErrorHandler.CONFIG_ERROR);
    }
    return work(cfg, registry, storage != null ? storage : cfg.storageUrl(), workDir, System.out, deterministicLag);
  }

  static int work(HypermaxConfig cfg, Plugins registry, String url, Path workDir, PrintStream out) {
    return work(cfg, registry, url, workDir, out, null);
  }

  /** Runs this process as a worker of the shared study at {@code url} until every trial of it is finished. */
  static int work(HypermaxConfig cfg, Plugins registry, String url, Path workDir, PrintStream out, Integer lag) {
    if (url == null) {
      throw new UserException("no shared study: pass --storage URL or set storage.url in " + cfg.file(), ErrorHandler.CONFIG_ERROR);
    }
    StorageProvider provider;
    try {
      provider = StorageProvider.forUrl(url, WorkerCommand.class.getClassLoader());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ErrorHandler.CONFIG_ERROR);
    }
    SharedStudyStorage shared;
    try {
      shared = provider.open(url);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ErrorHandler.CONFIG_ERROR);
    } catch (IllegalStateException e) {
      throw new UserException(e.getMessage(), 1);
    }
    // Made only once the study is reachable: a mistyped URL leaves no folder behind.
    // Beside where a local run would put its results directory: <results.directory>_worker_<pid>.
    Path dir = workDir != null ? workDir
        : Path.of("").toAbsolutePath().resolve(cfg.resultsDirectory() + "_worker_" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(dir.resolve("logs"));
    } catch (IOException e) {
      shared.close();
      throw new UserException("cannot create the worker folder " + dir + ": " + e.getMessage(), 1);
    }
    try (shared;
        Executor executor = executor(cfg, registry, dir.toAbsolutePath())) {
      long proposed = SeedPolicy.choose(null, cfg.seed().orElse(null), url, LOG::warn);
      long seed = shared.begin(proposed, cfg.iterations());
      if (cfg.seed().isPresent() && cfg.seed().get() != seed) {
        LOG.warn("the shared study keeps its seed {}, not {}", seed, cfg.seed().get());
      }
      Optimizer optimizer = optimizer(cfg, registry, seed);
      SharedStudyWorker worker = new SharedStudyWorker(shared, cfg.space(), optimizer, cfg.direction(), seed, executor,
          dir.resolve("logs"),
          t -> out.printf("trial %d: %s loss %s%n", t.number(), t.status(), ProgressListener.fmt(t.loss())))
          .maxFailures(cfg.maxFailures())
          .deterministic(cfg.deterministic() ? (lag != null ? lag : cfg.parallel()) : 0)
          .pruner(io.hypermax.core.internal.run.Pruners.create(registry, cfg.pruner(), cfg.direction(), seed), cfg.pruner());
      java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
      // Ctrl-C/SIGTERM: stop, and wait (up to 5 s) until the running trials are handed back to the study.
      Thread hook = new Thread(() -> {
        worker.stop();
        try {
          ended.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
          Thread.currentThread().interrupt();
        }
      }, "hypermax-worker-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      int ran;
      try {
        ran = worker.run(cfg.parallel());
      } finally {
        ended.countDown();
      }
      out.printf("worker done: %d trials recorded by this worker; the study is %s (logs in %s)%n",
          ran, shared.allFinished() ? "finished" : "not finished", dir.resolve("logs"));
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // exiting already
      }
      if (worker.stopReason() != null) {
        System.err.println("error: " + worker.stopReason());
        return 1;
      }
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  private static Optimizer optimizer(HypermaxConfig cfg, Plugins plugins, long seed) {
    OptimizerProvider p;
    try {
      p = plugins.optimizer(cfg.method());
    } catch (UnknownPluginException | IllegalStateException e) {
      throw cfg.search().get("method").error(e.getMessage());
    }
    return p.create(new OptimizerProvider.Context(cfg.space(), cfg.search(), seed));
  }

  private static Executor executor(HypermaxConfig cfg, Plugins plugins, Path dir) {
    ExecutorProvider p;
    try {
      p = plugins.executor(cfg.functionType());
    } catch (UnknownPluginException | IllegalStateException e) {
      throw cfg.function().get("type").error(e.getMessage());
    }
    return p.create(new ExecutorProvider.Context(cfg.function(), cfg.directory(), dir, cfg.space()));
  }
}
