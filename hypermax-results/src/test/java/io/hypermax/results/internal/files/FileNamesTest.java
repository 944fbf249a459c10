package io.hypermax.results.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.objective.Direction;
import io.hypermax.results.TestStudies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.hypermax.results.internal.detail.ChartPass;
import io.hypermax.results.internal.detail.ChartSet;

class FileNamesTest {
  @TempDir Path dir;

  @Test
  void namesThatSanitisedAlikeBeforeGetDifferentFolders() {
    assertEquals("a_b", FileNames.safe("a_b"));
    assertEquals("a~20b", FileNames.safe("a b"));
    assertNotEquals(FileNames.safe("a/b"), FileNames.safe("a_b"));
    assertNotEquals(FileNames.safe("a~20b"), FileNames.safe("a b"), "a literal ~ is escaped too");
    assertEquals("optimizer.1.beta1", FileNames.safe("optimizer.1.beta1"), "ordinary paths stay readable");
    assertEquals("~2E~2E", FileNames.safe(".."));
  }

  @Test
  void theMappingIsInjectiveOverRandomNames() {
    Random r = new Random(21);
    String alphabet = "ab_ ~/.\\é:-";
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = 0, n = 1 + r.nextInt(5); k < n; k++) {
        s.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String name = s.toString();
      String safe = FileNames.safe(name);
      assertTrue(safe.matches("[A-Za-z0-9._=+~-]+"), safe);
      String before = seen.put(safe, name);
      assertTrue(before == null || before.equals(name), name + " and " + before + " both map to " + safe);
      assertEquals(safe, FileNames.safe(name), "stable");
    }
  }

  @Test
  void twoParametersWhoseNamesSanitisedAlikeKeepTheirOwnCharts() throws Exception {
    SearchSpace space =
        new SearchSpace(
            List.of(Parameter.of("a b", NumberDistribution.uniform(0, 1)), Parameter.of("a_b", NumberDistribution.uniform(5, 9))));
    var snap = TestStudies.sampled(space, 30, 3, p -> ((Number) p.get("a b")).doubleValue(), p -> 1, Direction.MINIMIZE);
    ChartPass.run(snap, dir, 1, ChartSet.SUMMARY);
    String spaced = Files.readString(dir.resolve("a~20b").resolve("slice_a~20b.csv"));
    String underscored = Files.readString(dir.resolve("a_b").resolve("slice_a_b.csv"));
    assertTrue(spaced.startsWith("a b,"), spaced);
    assertTrue(underscored.startsWith("a_b,"), underscored);
  }
}
