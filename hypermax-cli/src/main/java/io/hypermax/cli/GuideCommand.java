package io.hypermax.cli;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.guidance.Guidance;
import io.hypermax.core.guidance.GuidanceAction;
import io.hypermax.core.internal.run.GuidanceDelivery;
import io.hypermax.core.guidance.GuidanceRequest;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.internal.run.SearchRun;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.study.Journal;
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
    GuidanceDelivery.Route route;
    try {
      route = GuidanceDelivery.deliver(dir, events);
    } catch (java.io.UncheckedIOException e) {
      throw new UserException(e.getMessage(), 1);
    }
    for (GuidanceEvent ev : events) {
      out.println(route == GuidanceDelivery.Route.INBOX
          ? "sent to the running search in " + dir + ": " + ev.describe() + " (applied from its next suggestion)"
          : "recorded in " + dir.resolve(Journal.FILE_NAME) + ": " + ev.describe() + " (in force when the search resumes)");
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
      throw new UserException(GuidanceRequest.example(a), ErrorHandler.CONFIG_ERROR);
    }
    List<GuidanceEvent> events = new ArrayList<>();
    for (String target : targets) {
      try {
        events.add(GuidanceRequest.parse(space, a, target, "cli"));
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage(), ErrorHandler.CONFIG_ERROR);
      }
    }
    return events;
  }

  private static void printState(PrintStream out, Path dir, SearchSpace space) {
    GuidanceDelivery.Status status = GuidanceDelivery.status(dir, Journal.read(dir), space);
    Guidance.State s = status.state();
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
    for (GuidanceEvent e : status.pending()) {
      out.println("waiting   " + e.describe() + " (sent, not yet applied by the search)");
    }
  }
}
