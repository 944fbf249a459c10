package io.hypermax.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.Study;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every result generator plugin must do: cope with a study without trials and with failed,
 * killed and running trials, write only inside the results directory, and give the same files when
 * run twice on the same snapshot. Extend it:
 *
 * <pre>{@code
 * class MyGeneratorContractTest extends ResultGeneratorContract {
 *   protected ResultGeneratorProvider provider() { return new MyGeneratorProvider(); }
 * }
 * }</pre>
 */
public abstract class ResultGeneratorContract {
  @TempDir protected Path root;

  protected abstract ResultGeneratorProvider provider();

  /** The {@code results} settings the generator gets (default: none, so its defaults). */
  protected ConfigNode settings() {
    return ConfigNode.empty(null, "results");
  }

  private ResultGenerator generator(Path dir) {
    return provider().create(new ResultGeneratorProvider.Context(settings(), dir, null));
  }

  protected static final SearchSpace SPACE = SpaceParser.parse(ConfigLoader.parseTree("contract.yaml", """
      type: object
      properties:
        x: {type: number, min: -5, max: 5}
        kind: {type: string, enum: [a, b]}
      """));

  /** Complete, failed, killed and running trials, with metadata. */
  protected static StudySnapshot mixedSnapshot() {
    Study study = Study.builder(SPACE, r -> r.space().sample(r.random())).seed(3).iterations(20).direction(Direction.MINIMIZE).build();
    for (int i = 0; i < 12; i++) {
      Trial t = study.ask();
      double x = ((Number) t.assignment().get("x")).doubleValue();
      if (i % 5 == 3) {
        study.tell(t, TrialResult.failed("contract: failed, \"quoted\"\nsecond line", 0.1));
      } else if (i % 5 == 4) {
        study.tell(t, TrialResult.killed(100, "over time", 9));
      } else {
        study.tell(t, Map.of("loss", x * x, "accuracy", 1 / (1 + x * x)));
      }
    }
    study.ask(); // one running
    return study.snapshot();
  }

  private static List<String> filesUnder(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void aStudyWithoutTrialsIsNoError() throws Exception {
    Path dir = Files.createDirectories(root.resolve("results"));
    generator(dir).generate(new StudySnapshot(SPACE, List.of(), Direction.MINIMIZE, 10, 1));
  }

  @Test
  void itWritesOnlyInsideTheResultsDirectory() throws Exception {
    Path dir = Files.createDirectories(root.resolve("results"));
    generator(dir).generate(mixedSnapshot());
    assertEquals(List.of("results"), Files.list(root).map(p -> p.getFileName().toString()).toList(), "nothing beside the results directory");
    assertTrue(!filesUnder(dir).isEmpty(), "it wrote something");
  }

  @Test
  void theSameSnapshotGivesTheSameFiles() throws Exception {
    StudySnapshot snap = mixedSnapshot();
    Path a = Files.createDirectories(root.resolve("a"));
    Path b = Files.createDirectories(root.resolve("b"));
    generator(a).generate(snap);
    ResultGenerator twice = generator(b);
    twice.generate(snap);
    twice.generate(snap);
    assertEquals(filesUnder(a), filesUnder(b));
  }
}
