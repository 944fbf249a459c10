package io.hypermax.results.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.results.TestStudies;
import io.hypermax.results.internal.analysis.Observations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyDocumentTest {
  @TempDir Path dir;

  private static StudySnapshot study() {
    SearchSpace space = new SearchSpace(List.of(
        Parameter.of("x", NumberDistribution.uniform(0, 1)),
        Parameter.of("tag", CategoricalDistribution.of(List.of("</script><b>x", "plain")))));
    return TestStudies.sampled(space, 20, 3, p -> ((Number) p.get("x")).doubleValue(), p -> 1, Direction.MINIMIZE);
  }

  @Test
  void aValueThatLooksLikeHtmlCannotEndTheScriptElement() throws Exception {
    StudySnapshot snap = study();
    String json = StudyDocument.toScriptJson(
        StudyDocument.of(snap, Observations.of(snap), Optional.empty(), List.of(), Optional.empty()));
    assertFalse(json.contains("<"), "every < is escaped");
    JsonNode doc = new ObjectMapper().readTree(json);
    assertEquals(1, doc.get("format").asInt());
    assertEquals(20, doc.get("trials").size());
    assertTrue(json.contains("\\u003c/script>"), "and it still decodes to the value");
    assertEquals(List.of("</script><b>x", "plain"),
        List.of(doc.get("parameters").get(1).get("labels").get(0).asText(), doc.get("parameters").get(1).get("labels").get(1).asText()));
  }

  /** The front-end's filter, run in Node where it is installed: the best fraction of complete trials, others kept. */
  @Test
  void theFrontEndsFilterKeepsTheBestTrials() throws Exception {
    boolean node = false;
    for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      node |= Files.isExecutable(Path.of(p, "node"));
    }
    assumeTrue(node, "no node on PATH");
    Path script = dir.resolve("hypermax-charts.js");
    Files.writeString(script, WebAssets.chartsScript());
    String doc = "{\"direction\":\"minimize\",\"trials\":["
        + "{\"number\":0,\"status\":\"complete\",\"loss\":5},{\"number\":1,\"status\":\"complete\",\"loss\":1},"
        + "{\"number\":2,\"status\":\"failed\",\"loss\":null},{\"number\":3,\"status\":\"complete\",\"loss\":3},"
        + "{\"number\":4,\"status\":\"complete\",\"loss\":2}]}";
    String js = "const h = require(" + new ObjectMapper().writeValueAsString(script.toString()) + ");"
        + "const d = " + doc + ";"
        + "console.log(h.bestOf(d, 0.5).trials.map(t => t.number).join(','));"
        + "console.log(h.bestOf(Object.assign({}, d, {direction: 'maximize'}), 0.25).trials.map(t => t.number).join(','));"
        + "console.log(h.bestOf(d, 1).trials.length);";
    Process p = new ProcessBuilder("node", "-e", js).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals("1,2,4\n0,2\n5", out, "best half by loss = trials 1 and 4, the failed trial 2 kept; maximizing keeps 0");
  }
}
