package io.hypermax.cli;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.internal.storage.StorageUrls;
import io.hypermax.executors.internal.executable.SlurmCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hypermax slurm-workers CONFIG --storage URL --workers N}: the Slurm executor's second mode.
 * Submits one Slurm job array ({@code sbatch --array=0-(N-1)}) whose every task runs
 * {@code hypermax worker CONFIG --storage URL} against the shared study; Slurm schedules the tasks,
 * the storage hands out the trials. With {@code --wait} it waits for the array and reports the study.
 */
@Command(
    name = "slurm-workers",
    mixinStandardHelpOptions = true,
    description = "Submit a Slurm job array of `hypermax worker` processes for a study shared through --storage.")
final class SlurmWorkersCommand implements Callable<Integer> {
  private static final long POLL_MS = 500;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The search configuration (read by every worker; a shared file system path).")
  Path config;

  @Option(names = "--storage", paramLabel = "URL", description = "The shared study (default: storage.url of the config).")
  String storage;

  @Option(names = "--workers", paramLabel = "N", required = true, description = "How many array tasks (worker processes).")
  int workers;

  @Option(names = "--partition") String partition;
  @Option(names = "--time", description = "Slurm time limit of each worker, e.g. 02:00:00.") String time;
  @Option(names = "--mem") String mem;
  @Option(names = "--gres") String gres;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Where the job script, the tasks' Slurm output and the workers' logs go (default: <results.directory>_slurm).")
  Path workDir;

  @Option(names = "--hypermax", paramLabel = "COMMAND",
      description = "How a compute node starts hypermax, e.g. /opt/hypermax/hypermax (default: this Java and class path).")
  String hypermax;

  @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Set for sbatch/squeue and exported to the tasks (repeatable).")
  List<String> env = new ArrayList<>();

  @Option(names = "--wait", description = "Wait until the array ended; exit 0 when the study is finished.")
  boolean await;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (workers < 1) {
      throw new UserException("--workers must be at least 1", ErrorHandler.CONFIG_ERROR);
    }
    HypermaxConfig cfg = ConfigLoader.load(config);
    String url = storage != null ? storage : cfg.storageUrl();
    if (url == null) {
      throw new UserException("no shared study: pass --storage URL or set storage.url in " + cfg.file(), ErrorHandler.CONFIG_ERROR);
    }
    Map<String, String> environment = new LinkedHashMap<>();
    for (String e : env) {
      int eq = e.indexOf('=');
      if (eq < 1 || !e.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new UserException("--env " + e + ": expected NAME=VALUE", ErrorHandler.CONFIG_ERROR);
      }
      environment.put(e.substring(0, eq), e.substring(eq + 1));
    }
    try (SharedStudyStorage s = StudyCommand.open(url, cfg)) {
      s.begin(io.hypermax.core.internal.run.SeedPolicy.choose(null, cfg.seed().orElse(null), url, m -> {}), cfg.iterations());
    }
    Path dir = (workDir != null ? workDir : Path.of(cfg.resultsDirectory() + "_slurm")).toAbsolutePath();
    Files.createDirectories(dir);
    Path script = dir.resolve("workers.sh");
    // Private from its creation, not chmod-ed after writing: it may hold the storage URL's password.
    Files.deleteIfExists(script);
    try {
      Files.createFile(script, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      throw new UserException("cannot create " + script + " readable only by you (this file system has no POSIX"
          + " permissions), and it would hold the storage URL; use --work-dir on another file system", 1);
    }
    Files.writeString(script, script(dir, url), StandardCharsets.UTF_8);
    List<String> sbatch = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=hypermax-workers",
        "--array=0-" + (workers - 1), "--output=" + dir.resolve("slurm_%A_%a.out"), "--chdir=" + Path.of("").toAbsolutePath()));
    add(sbatch, "partition", partition);
    add(sbatch, "time", time);
    add(sbatch, "mem", mem);
    add(sbatch, "gres", gres);
    sbatch.add(script.toString());
    SlurmCommand.Result submitted = run(sbatch, environment);
    if (submitted.code() != 0) {
      throw new UserException("sbatch failed (exit " + submitted.code() + "): " + submitted.out().strip(), 1);
    }
    String job = submitted.out().strip().split(";")[0];
    System.out.printf("submitted Slurm job array %s: %d hypermax workers on %s (output in %s)%n",
        job, workers, StorageUrls.redact(url), dir);
    if (!await) {
      return 0;
    }
    while (!run(List.of("squeue", "-h", "-j", job, "-o", "%i"), environment).out().isBlank()) {
      Thread.sleep(POLL_MS);
    }
    boolean finished;
    try (SharedStudyStorage s = StudyCommand.open(url, cfg)) {
      finished = s.allFinished();
    }
    System.out.printf("job array %s ended; the study is %s%n", job, finished ? "finished" : "not finished");
    return finished ? 0 : 1;
  }

  private String script(Path dir, String url) {
    StringBuilder s = new StringBuilder("#!/bin/sh\n# hypermax worker, one per task of the array (hypermax slurm-workers)\n");
    for (String e : env) {
      int eq = e.indexOf('=');
      s.append("export ").append(e, 0, eq).append('=').append(ResumeCommand.quote(e.substring(eq + 1))).append('\n');
    }
    s.append("HYPERMAX_STORAGE=").append(ResumeCommand.quote(url)).append('\n');
    s.append("exec ").append(hypermaxCommand()).append(" worker ").append(ResumeCommand.quote(config.toAbsolutePath().toString()))
        .append(" --storage \"$HYPERMAX_STORAGE\" --work-dir ").append(ResumeCommand.quote(dir.toString())).append("/worker_\"$SLURM_ARRAY_TASK_ID\"\n");
    return s.toString();
  }

  private String hypermaxCommand() {
    if (hypermax != null) {
      return hypermax; // the user's command line, as given
    }
    return ResumeCommand.quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()) + " -cp "
        + ResumeCommand.quote(System.getProperty("java.class.path")) + " " + Main.class.getName();
  }

  private static void add(List<String> args, String name, String value) {
    if (value != null) {
      if (value.isBlank() || value.startsWith("-") || value.contains("\n")) {
        throw new UserException("--" + name + " must be a Slurm " + name + " value, got '" + value + "'", ErrorHandler.CONFIG_ERROR);
      }
      args.add("--" + name + "=" + value);
    }
  }

  private static SlurmCommand.Result run(List<String> cmd, Map<String, String> environment) throws IOException, InterruptedException {
    try {
      return SlurmCommand.run(cmd, environment, 60);
    } catch (IOException e) {
      throw new UserException(e.getMessage(), 1);
    }
  }
}
