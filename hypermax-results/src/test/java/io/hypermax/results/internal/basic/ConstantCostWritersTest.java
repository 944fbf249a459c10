package io.hypermax.results.internal.basic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * results.csv is appended per trial and rewritten only when its columns change; best.json is written
 * only when the best trial changes. Rewrites go through a rename (a new inode); appends keep the file.
 */
class ConstantCostWritersTest {
  @TempDir Path dir;

  static final SearchSpace SPACE =
      SpaceParser.parse(ConfigLoader.parseTree("s.yaml", "type: object\nproperties:\n  x: {type: number, min: 0, max: 10}\n"));

  private final List<Trial> trials = new ArrayList<>();

  private StudySnapshot add(double x, Map<String, Object> metadata) {
    int n = trials.size();
    Trial t = Trial.running(n, new Assignment(Map.of("x", x)), Map.of("x", x), Instant.EPOCH.plusSeconds(n));
    trials.add(t.finish(TrialResult.complete(x, 0.5, metadata), Instant.EPOCH.plusSeconds(n + 1)));
    return new StudySnapshot(SPACE, trials, Direction.MINIMIZE, 100, 1);
  }

  private ResultGenerator generator(ResultGeneratorProvider provider) {
    return provider.create(new ResultGeneratorProvider.Context(ConfigNode.empty(null, "results"), dir, null));
  }

  private static Object inode(Path file) throws Exception {
    return Files.getAttribute(file, "unix:ino");
  }

  @Test
  void resultsCsvIsAppendedAndRewrittenOnlyWhenItsColumnsChange() throws Exception {
    ResultGenerator csv = generator(new ResultsCsvProvider());
    Path file = dir.resolve(ResultsCsvProvider.FILE_NAME);
    csv.generate(add(3, Map.of()));
    Object first = inode(file);
    csv.generate(add(2, Map.of()));
    csv.generate(add(5, Map.of()));
    assertEquals(first, inode(file), "same columns: appended in place");
    assertEquals(ResultsCsvProvider.render(new StudySnapshot(SPACE, trials, Direction.MINIMIZE, 100, 1)), Files.readString(file));

    csv.generate(add(4, Map.of("epochs", 7)));
    assertNotEquals(first, inode(file), "a new metadata column: rewritten");
    List<String> lines = Files.readAllLines(file);
    assertTrue(lines.get(0).contains(",epochs,"), lines.get(0));
    assertEquals(5, lines.size(), "header and every trial");
    assertEquals(ResultsCsvProvider.render(new StudySnapshot(SPACE, trials, Direction.MINIMIZE, 100, 1)), Files.readString(file));
  }

  @Test
  void aNewGeneratorOnAnExistingFileRewritesItOnce() throws Exception {
    Path file = dir.resolve(ResultsCsvProvider.FILE_NAME);
    Files.writeString(file, "stale,header\n1,2\n");
    ResultGenerator csv = generator(new ResultsCsvProvider());
    csv.generate(add(1, Map.of()));
    csv.generate(add(2, Map.of()));
    assertEquals(ResultsCsvProvider.render(new StudySnapshot(SPACE, trials, Direction.MINIMIZE, 100, 1)), Files.readString(file));
  }

  @Test
  void bestJsonIsWrittenOnlyWhenTheBestChanges() throws Exception {
    ResultGenerator best = generator(new BestJsonProvider());
    Path file = dir.resolve(BestJsonProvider.FILE_NAME);
    best.generate(add(3, Map.of()));
    Object first = inode(file);
    best.generate(add(4, Map.of()));
    best.generate(add(9, Map.of()));
    assertEquals(first, inode(file), "not rewritten while trial 0 stays the best");
    best.generate(add(1, Map.of()));
    assertNotEquals(first, inode(file));
    assertTrue(Files.readString(file).contains("\"trial\" : 3"), Files.readString(file));
  }
}
