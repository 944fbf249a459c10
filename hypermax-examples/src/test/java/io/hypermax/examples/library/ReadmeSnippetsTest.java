package io.hypermax.examples.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.dbr.TuningResult;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library snippets of the documentation are these examples: each runs here, and each Java block
 * of docs/library.md (and of README.md once it carries snippet markers) must be exactly the marked
 * regions of the example sources it names in the {@code <!-- snippet: a, b -->} comment above it.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of("..");
  private static final Path SOURCES = Path.of("src/main/java/io/hypermax/examples/library");
  private static final Pattern BLOCK =
      Pattern.compile("(?:<!-- snippet: ([a-z0-9, -]+) -->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern REGION =
      Pattern.compile("// snippet:([a-z0-9-]+)\\n(.*?)\\n[ \\t]*// end:\\1", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void theBuilderExampleFindsAGoodConfiguration() {
    Trial best = BuilderExample.run();
    assertEquals("tanh", best.parameters().get("activation"), best.toString());
    assertTrue(best.loss() < 0.5, "60 TPE trials get near the optimum: " + best);
  }

  @Test
  void theConditionalSpaceHasEveryKindOfParameter() {
    SearchSpace space = ConditionalSpaceExample.space();
    assertEquals(
        List.of("dropout", "momentum", "batch", "batch_norm", "epochs", "model", "model.0.kind", "model.0.c", "model.1.kind", "model.1.depth"),
        space.parameters().stream().map(p -> p.path()).toList());
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 50; i++) {
      Map<String, Object> p = space.nest(space.sample(rng));
      double dropout = (Double) p.get("dropout");
      assertEquals(0, Math.round(dropout * 100) % 5, "rounded to 0.05: " + dropout);
      assertEquals(0, (Integer) p.get("batch") % 16);
      Map<?, ?> model = (Map<?, ?>) p.get("model");
      assertTrue(model.get("kind").equals("svm") ? model.containsKey("c") : model.containsKey("depth"), p.toString());
    }
  }

  @Test
  void theAskAndTellExampleConverges() throws Exception {
    try (Study study = JsonSpaceExample.run()) {
      assertEquals(30, study.snapshot().finished().size());
      assertTrue(study.snapshot().best().orElseThrow().loss() < 0.05, study.snapshot().best().toString());
    }
  }

  @Test
  void theDefineByRunExampleTunesItsModel() {
    TuningResult result = DefineByRunExample.run(dir.resolve("project"));
    assertEquals(30, result.trials().size());
    assertTrue(result.best().orElseThrow().score() < 0.5, result.best().toString());
  }

  @Test
  void docsLibraryMdIsMadeOfTheseExamples() throws Exception {
    List<Block> blocks = blocks(ROOT.resolve("docs/library.md"));
    assertTrue(blocks.size() >= 4, "docs/library.md shows the examples: " + blocks.size());
    check(blocks);
  }

  @Test
  void readmeLibrarySnippetsAreMadeOfTheseExamplesOnceMarked() throws Exception {
    List<Block> blocks = blocks(ROOT.resolve("README.md"));
    // README.md is integrated separately: the check applies from the first snippet marker on, and then to every
    // Java block, so an unmarked (untested) snippet cannot be added later.
    if (blocks.stream().anyMatch(b -> !b.regions.isEmpty())) {
      check(blocks);
    }
  }

  @Test
  void theRegionCheckCatchesAnEditedSnippet() throws Exception {
    Map<String, String> regions = regions();
    String edited = "<!-- snippet: builder -->\n```java\n" + regions.get("builder").replace("60", "61") + "\n```\n";
    Path doc = dir.resolve("doc.md");
    Files.writeString(doc, edited);
    List<Block> blocks = blocks(doc);
    assertFalse(blocks.get(0).text.equals(expected(blocks.get(0), regions)), "a changed snippet is detected");
  }

  private record Block(List<String> regions, String text) {}

  private static List<Block> blocks(Path markdown) throws Exception {
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(Files.readString(markdown));
    while (m.find()) {
      List<String> names = m.group(1) == null ? List.of() : Stream.of(m.group(1).split(",")).map(String::strip).toList();
      blocks.add(new Block(names, m.group(2).strip()));
    }
    return blocks;
  }

  private static void check(List<Block> blocks) throws Exception {
    Map<String, String> regions = regions();
    for (Block b : blocks) {
      assertFalse(b.regions.isEmpty(), "a Java block without a <!-- snippet: ... --> marker is untested:\n" + b.text);
      for (String name : b.regions) {
        assertTrue(regions.containsKey(name), "no region '" + name + "' in " + SOURCES + "; regions: " + regions.keySet());
      }
      assertEquals(expected(b, regions), b.text, "the snippet differs from its example's regions " + b.regions);
    }
  }

  private static String expected(Block b, Map<String, String> regions) {
    List<String> parts = new ArrayList<>();
    for (String name : b.regions) {
      parts.add(regions.get(name));
    }
    return String.join("\n\n", parts).strip();
  }

  /** Every marked region of the example sources, de-indented. */
  static Map<String, String> regions() throws Exception {
    Map<String, String> regions = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path f : files.sorted().toList()) {
        Matcher m = REGION.matcher(Files.readString(f));
        while (m.find()) {
          regions.put(m.group(1), m.group(2).stripIndent().strip());
        }
      }
    }
    return regions;
  }
}
