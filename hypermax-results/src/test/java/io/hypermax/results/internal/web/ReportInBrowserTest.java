package io.hypermax.results.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.results.TestStudies;
import io.hypermax.results.internal.detail.ReportProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser: headless Chromium runs the page's scripts offline and dumps the DOM, and every chart
 * panel must hold the canvas ECharts drew into, with no script error on the console. Skipped where no Chromium is
 * installed.
 */
class ReportInBrowserTest {
  @TempDir Path dir;

  private static String chromium() {
    for (String c : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        if (Files.isExecutable(Path.of(p, c))) {
          return Path.of(p, c).toString();
        }
      }
    }
    return null;
  }

  @Test
  void everyChartOfTheReportIsDrawnOfflineWithoutScriptErrors() throws Exception {
    String browser = chromium();
    assumeTrue(browser != null, "no chromium on PATH");
    StudySnapshot snap =
        TestStudies.sampled(TestStudies.threeNumericOneCategorical(), 40, 4, TestStudies::bowl, q -> 1, Direction.MINIMIZE);
    List<String> drawn = drawnPanels(browser, snap);
    assertEquals(List.of("history", "edf", "importance", "parallel", "slice x", "slice lr", "slice layers", "slice act",
        "contour x lr", "contour x layers", "contour lr layers", "timeline"), drawn);
  }

  @Test
  void theLearningCurvesOfAPrunedStudyAreDrawn() throws Exception {
    String browser = chromium();
    assumeTrue(browser != null, "no chromium on PATH");
    StudySnapshot snap = io.hypermax.results.internal.detail.LearningCurveResultsTest.prunedStudy();
    List<String> drawn = drawnPanels(browser, snap);
    assertTrue(drawn.contains("learning curves"), drawn.toString());
    assertTrue(drawn.contains("timeline"), drawn.toString());
  }

  @Test
  void theActionsOfAnAtpeStudyAreDrawn() throws Exception {
    String browser = chromium();
    assumeTrue(browser != null, "no chromium on PATH");
    List<String> drawn = drawnPanels(browser, io.hypermax.results.internal.detail.AtpeActionsResultsTest.atpeStudy());
    assertEquals(List.of("history", "edf", "atpe actions"), drawn.subList(0, 3), "after the history and the EDF: " + drawn);
  }

  /** Writes report.html for {@code snap}, lets headless Chromium run it, and returns the panels ECharts drew into. */
  private List<String> drawnPanels(String browser, StudySnapshot snap) throws Exception {
    var ctx = new ResultGeneratorProvider.Context(
        new ConfigNode("t", "results", JsonNodeFactory.instance.objectNode()), dir, null);
    new ReportProvider().create(ctx).generate(snap);
    Path report = dir.resolve(ReportProvider.FILE_NAME);
    Path profile = Files.createDirectory(dir.resolve("profile"));
    Path err = dir.resolve("stderr.txt");
    List<String> cmd = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
        "--window-size=1400,3000", "--dump-dom", report.toUri().toString()));
    // Output to a file, so that a hung browser ends in the timeout below instead of blocking a read forever.
    Path domFile = dir.resolve("dom.html");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(domFile.toFile()).start();
    boolean finished = p.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    assertTrue(finished, "chromium finished within 120 s");
    String dom = Files.readString(domFile, StandardCharsets.UTF_8);
    String log = Files.readString(err, StandardCharsets.UTF_8);
    assertFalse(log.contains("Uncaught"), "a script error on the console:\n" + log);
    // history, edf, importance, parallel, 4 slices (x, lr, layers, act), 3 contours, timeline
    Matcher panels = Pattern.compile("<div class=\"hm-chart\" data-chart=\"([^\"]*)\"[^>]*>(.*?)</canvas>", Pattern.DOTALL)
        .matcher(dom);
    List<String> drawn = new ArrayList<>();
    while (panels.find()) {
      if (panels.group(2).contains("<canvas")) {
        drawn.add(panels.group(1));
      }
    }
    return drawn;
  }
}
