package io.hypermax.cli;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.config.ConfigLoader;
import io.hypermax.core.config.HypermaxConfig;
import io.hypermax.core.guidance.Guidance;
import io.hypermax.core.guidance.GuidanceAction;
import io.hypermax.core.guidance.GuidanceCsv;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.guidance.GuidanceHistory;
import io.hypermax.core.guidance.GuidanceInbox;
import io.hypermax.core.run.DirectoryLock;
import io.hypermax.core.run.SearchRun;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.storage.FsyncPolicy;
import io.hypermax.core.study.Journal;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hypermax guide RESULTS_DIR [lock p=v | unlock p | scramble p | narrow p=min:max]}: human
 * guidance without the console UI. A running search gets it through its inbox and applies it from
 * its next suggestion; a stopped one has it written to its journal, in force when it resumes.
 * Without an action it prints the guidance in force.
 */
@Command(
    name = "guide",
    mixinStandardHelpOptions = true,
    description = {
      "Steer a running or stopped search: lock a parameter to a value, unlock it, scramble it (random values) or narrow a number's range.",
      "Examples: guide results_0 lock lr=0.01 layers=3   guide results_0 narrow lr=0.001:0.1   guide results_0 unlock lr"
    })
final class GuideCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "The results directory of the search.")
  Path directory;

  @Parameters(index = "1", arity = "0..1", paramLabel = "ACTION", description = "lock, unlock, scramble or narrow (none: show the guidance in force).")
  String action;

  @Parameters(index = "2..*", arity = "0..*", paramLabel = "PARAM", description = "lock: name=value; narrow: name=min:max; unlock, scramble: name.")
  List<String> targets = new ArrayList<>();

  @Override
  public Integer call() {
    PrintStream out = System.out;
    Path dir = directory.toAbsolutePath().normalize();
    if (!Journal.exists(dir)) {
      throw new UserException(dir + " is not a results directory: it has no " + Journal.FILE_NAME, ErrorHandler.CONFIG_ERROR);
    }
    Path configFile = dir.resolve(SearchRun.CONFIG_COPY);
    if (!Files.isRegularFile(configFile)) {
      throw new UserException(configFile + " not found: the search's configuration copy is needed to check guidance", ErrorHandler.CONFIG_ERROR);
    }
    HypermaxConfig cfg = ConfigLoader.load(configFile);
    SearchSpace space = cfg.space();
    if (action == null) {
      printState(out, dir, space);
      return 0;
    }
    List<GuidanceEvent> events = parse(space);
    DirectoryLock lock;
    try {
      lock = DirectoryLock.acquire(dir);
    } catch (ConfigException e) {
      if (!String.valueOf(e.getMessage()).contains("in use by another running hypermax")) {
        throw e;
      }
      for (GuidanceEvent ev : events) {
        GuidanceInbox.send(dir, ev);
        out.println("sent to the running search in " + dir + ": " + ev.describe() + " (applied from its next suggestion)");
      }
      return 0;
    }
    try (lock) {
      Journal journal = Journal.open(dir, FsyncPolicy.EVERY_TRIAL, m -> {});
      try (journal) {
        for (GuidanceEvent ev : events) {
          journal.recordCustom(ev.toJson());
          out.println("recorded in " + dir.resolve(Journal.FILE_NAME) + ": " + ev.describe() + " (in force when the search resumes)");
        }
      }
      try {
        GuidanceCsv.write(dir, GuidanceHistory.of(Journal.read(dir)));
      } catch (IOException e) {
        throw new UserException("cannot write " + dir.resolve(GuidanceCsv.FILE_NAME) + ": " + e.getMessage(), 1);
      }
    }
    return 0;
  }

  private List<GuidanceEvent> parse(SearchSpace space) {
    GuidanceAction a;
    try {
      a = GuidanceAction.parse(action);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ErrorHandler.CONFIG_ERROR);
    }
    if (targets.isEmpty()) {
      throw new UserException(
          "guide " + a.word() + " needs a parameter, e.g. " + switch (a) {
            case LOCK -> "lock lr=0.01";
            case NARROW -> "narrow lr=0.001:0.1";
            default -> a.word() + " lr";
          },
          ErrorHandler.CONFIG_ERROR);
    }
    List<GuidanceEvent> events = new ArrayList<>();
    for (String target : targets) {
      try {
        events.add(Guidance.validate(event(a, target, space), space));
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage(), ErrorHandler.CONFIG_ERROR);
      }
    }
    return events;
  }

  private static GuidanceEvent event(GuidanceAction a, String target, SearchSpace space) {
    int eq = target.indexOf('=');
    String name = eq < 0 ? target : target.substring(0, eq);
    String value = eq < 0 ? null : target.substring(eq + 1);
    Parameter p = space.get(name);
    if (p == null) {
      // validate() names the known parameters
      return GuidanceEvent.unlock(name, "cli");
    }
    return switch (a) {
      case LOCK -> {
        if (value == null) {
          throw new IllegalArgumentException("lock " + name + " needs a value: lock " + name + "=VALUE");
        }
        yield GuidanceEvent.lock(name, Guidance.parseValue(p, value), "cli");
      }
      case NARROW -> {
        int colon = value == null ? -1 : value.indexOf(':', 1);
        if (colon < 0) {
          throw new IllegalArgumentException("narrow " + name + " needs a range: narrow " + name + "=MIN:MAX");
        }
        try {
          yield GuidanceEvent.narrow(
              name, Double.parseDouble(value.substring(0, colon)), Double.parseDouble(value.substring(colon + 1)), "cli");
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("narrow " + name + "=" + value + ": MIN and MAX must be numbers");
        }
      }
      case UNLOCK -> GuidanceEvent.unlock(name, "cli");
      case SCRAMBLE -> GuidanceEvent.scramble(name, "cli");
    };
  }

  private static void printState(PrintStream out, Path dir, SearchSpace space) {
    Guidance g = new Guidance();
    for (GuidanceEvent e : GuidanceHistory.of(Journal.read(dir))) {
      try {
        g.apply(Guidance.validate(e, space));
      } catch (IllegalArgumentException ignored) {
        // not applied by the search either
      }
    }
    Guidance.State s = g.state();
    if (s.isEmpty()) {
      out.println("no guidance in force in " + dir);
    }
    for (Map.Entry<String, Object> l : s.locks().entrySet()) {
      out.println("locked    " + l.getKey() + " = " + l.getValue());
    }
    for (String p : s.scrambled()) {
      out.println("scrambled " + p);
    }
    for (Map.Entry<String, double[]> n : s.narrowed().entrySet()) {
      out.println("narrowed  " + n.getKey() + " to [" + n.getValue()[0] + ", " + n.getValue()[1] + "]");
    }
    List<GuidanceEvent> pending = new GuidanceInbox(dir, m -> {}).poll(true);
    pending.removeIf(e -> g.hasApplied(e.id()));
    for (GuidanceEvent e : pending) {
      out.println("waiting   " + e.describe() + " (sent, not yet applied by the search)");
    }
  }
}
