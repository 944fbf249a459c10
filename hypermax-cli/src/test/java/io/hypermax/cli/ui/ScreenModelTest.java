package io.hypermax.cli.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.guidance.Guidance;
import io.hypermax.core.guidance.GuidanceAction;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.monitor.LiveUsage;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console UI's screen without a terminal: what it draws at a size, and what each key does. */
class ScreenModelTest {
  static final SearchSpace SPACE = SearchSpace.builder().number("x", -5, 5).integer("n", 1, 8).choice("kind", "a", "b").build();

  final List<GuidanceEvent> guided = new ArrayList<>();
  final List<String> calls = new ArrayList<>();
  final Guidance guidance = new Guidance();
  ScreenModel model;

  UiCommands commands =
      new UiCommands() {
        @Override
        public String guide(GuidanceEvent event) {
          GuidanceEvent checked = Guidance.validate(event, SPACE);
          guided.add(checked);
          guidance.apply(checked);
          return "applied: " + checked.describe();
        }

        @Override
        public String exportBest() {
          calls.add("best");
          return "best exported";
        }

        @Override
        public String exportResults() {
          calls.add("results");
          return "results exported";
        }

        @Override
        public void stopSearch() {
          calls.add("stop");
        }

        @Override
        public void leaveHeadless() {
          calls.add("headless");
        }

        @Override
        public List<String> logTail(int trial, int lines) {
          return List.of("epoch 1 of trial " + trial, "epoch 2 of trial " + trial);
        }
      };

  static Trial trial(int n, double x, int nn, String kind, TrialResult r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("x", x);
    v.put("n", nn);
    v.put("kind", kind);
    Assignment a = new Assignment(v);
    Trial t = Trial.running(n, a, SPACE.nest(a), Instant.now().minusSeconds(65));
    return r == null ? t : t.finish(r, Instant.now());
  }

  @BeforeEach
  void setUp() {
    model = new ScreenModel(commands, n -> n == 4 ? new LiveUsage.Sample(123.4, 5.5, 0) : null);
    List<Trial> trials = List.of(
        trial(0, 1.5, 2, "a", TrialResult.complete(0.75, 1.0, Map.of())),
        trial(1, -2.0, 5, "b", TrialResult.complete(0.25, 2.0, Map.of())),
        trial(2, 3.0, 7, "a", TrialResult.failed("boom: division by zero\n  at Model.fit", 0.5)),
        trial(3, 0.0, 1, "b", TrialResult.killed(10, "killed: over 60 s", 60)),
        trial(4, 4.0, 3, "a", null));
    refresh(trials);
  }

  void refresh(List<Trial> trials) {
    model.update(new ScreenModel.Data(
        new StudySnapshot(SPACE, trials, Direction.MINIMIZE, 20, 1), guidance.state(), Map.of("optimizer", "TpeSampler", "gamma", "0.25"),
        Instant.now().minusSeconds(100), 0, "results_0"));
  }

  String screen(int w, int h) {
    List<String> lines = model.render(w, h);
    assertEquals(h, lines.size(), "exactly the terminal's height");
    assertTrue(lines.stream().allMatch(l -> l.length() == w), "every line exactly the terminal's width");
    return String.join("\n", lines);
  }

  @Test
  void theOverviewShowsTheBestTheProgressTheChartAndRunningTrialsWithTheirResources() {
    String s = screen(100, 30);
    assertTrue(s.contains("trials 4/20") && s.contains("running 1") && s.contains("best 0.250000 (trial 1)"), s);
    assertTrue(s.contains("eta "), s);
    assertTrue(s.contains("failed 1  killed 1  pruned 0"), s);
    assertTrue(s.contains("loss 0.250000   time 2.00s   trial 1") && s.contains("x: -2.0") && s.contains("kind: b"), s);
    assertTrue(s.contains("Rolling loss") && s.contains("|#"), s);
    assertTrue(s.contains("#4 ") && s.contains("1m05s") && s.contains("RSS  123 MiB") && s.contains("CPU   5.5s") && s.contains("\"x\":4.0"), s);
    // A tiny terminal still gets a frame of exactly its size.
    screen(20, 6);
    screen(200, 60);
  }

  @Test
  void theTrialsTableSortsScrollsAndEnterOpensTheTrialsJsonAndLogTail() {
    model.key(UiKey.of('2'));
    assertEquals(ScreenModel.View.TRIALS, model.view());
    String s = screen(100, 20);
    assertTrue(s.contains("trial ^") && s.contains("> 0 "), s);
    model.key(UiKey.of(UiKey.Kind.RIGHT));
    model.key(UiKey.of(UiKey.Kind.RIGHT)); // sort by loss
    s = screen(100, 20);
    assertTrue(s.contains("loss ^"), s);
    List<String> rows = s.lines().filter(l -> l.matches("^[> ] \\d+ +(COMPLETE|FAILED|KILLED).*")).toList();
    assertTrue(rows.get(0).startsWith("> 1 ") && rows.get(1).startsWith("  0 ") && rows.get(2).startsWith("  3 "), String.join("\n", rows));
    model.key(UiKey.of('r'));
    assertTrue(screen(100, 20).contains("loss v"));
    model.key(UiKey.of('r'));
    model.key(UiKey.of(UiKey.Kind.DOWN));
    model.key(UiKey.of(UiKey.Kind.ENTER));
    s = screen(100, 40);
    assertTrue(s.contains("== trial 0") && s.contains("\"loss\" : 0.75") && s.contains("\"x\" : 1.5"), s);
    assertTrue(s.contains("log tail:") && s.contains("epoch 2 of trial 0"), s);
    model.key(UiKey.of(UiKey.Kind.ESCAPE));
    assertTrue(screen(100, 20).contains("trial ^") || screen(100, 20).contains("loss ^"));
  }

  @Test
  void failuresAreOneKeyAwayWithTheirFullError() {
    model.key(UiKey.of('f'));
    String s = screen(100, 20);
    assertTrue(s.contains("> #2 FAILED: boom: division by zero") && s.contains("#3 KILLED: killed: over 60 s"), s);
    model.key(UiKey.of(UiKey.Kind.ENTER));
    s = screen(100, 30);
    assertTrue(s.contains("== trial 2") && s.contains("at Model.fit"), s);
  }

  @Test
  void guidanceLocksNarrowsScramblesAndUnlocksThroughTheCommands() {
    model.key(UiKey.of('g'));
    String s = screen(120, 20);
    assertTrue(s.contains("Human guidance") && s.contains("> x ") && s.contains("best -2.00000"), s);
    model.key(UiKey.of('l'));
    assertTrue(screen(120, 20).contains("lock x to: -2.0_"));
    for (int i = 0; i < 4; i++) {
      model.key(UiKey.of(UiKey.Kind.BACKSPACE));
    }
    for (char c : "0.5".toCharArray()) {
      model.key(UiKey.of(c));
    }
    model.key(UiKey.of(UiKey.Kind.ENTER));
    assertEquals(1, guided.size());
    assertEquals(GuidanceAction.LOCK, guided.get(0).action());
    assertEquals(0.5, guided.get(0).value());
    assertEquals("ui", guided.get(0).source());
    refresh(List.of(trial(1, -2.0, 5, "b", TrialResult.complete(0.25, 2.0, Map.of()))));
    assertTrue(screen(120, 20).contains("locked = 0.5"));

    model.key(UiKey.of(UiKey.Kind.DOWN)); // n
    model.key(UiKey.of('n'));
    assertTrue(screen(120, 20).contains("narrow n to min:max: 1:8_"));
    model.key(UiKey.of(UiKey.Kind.BACKSPACE));
    model.key(UiKey.of('4'));
    model.key(UiKey.of(UiKey.Kind.ENTER));
    assertEquals(GuidanceAction.NARROW, guided.get(1).action());
    assertEquals(4.0, guided.get(1).max());

    model.key(UiKey.of(UiKey.Kind.DOWN)); // kind
    model.key(UiKey.of('n'));
    assertTrue(model.message().startsWith("only numbers can be narrowed"), model.message());
    model.key(UiKey.of('s'));
    assertEquals(GuidanceAction.SCRAMBLE, guided.get(2).action());
    model.key(UiKey.of('l'));
    for (char c : "zzz".toCharArray()) {
      model.key(UiKey.of(c));
    }
    model.key(UiKey.of(UiKey.Kind.ENTER));
    assertTrue(model.message().startsWith("not applied: cannot lock kind to 'bzzz'"), model.message());
    model.key(UiKey.of('u'));
    assertEquals(GuidanceAction.UNLOCK, guided.get(3).action());

    model.key(UiKey.of(UiKey.Kind.ESCAPE));
    model.key(UiKey.of('4'));
    refresh(List.of(trial(1, -2.0, 5, "b", TrialResult.complete(0.25, 2.0, Map.of()))));
    s = screen(120, 30);
    assertTrue(s.contains("optimizer: TpeSampler") && s.contains("Locked parameters:") && s.contains("  x = 0.5"), s);
    assertTrue(s.contains("n in [1, 4]") && s.contains("Guidance history (4)") && s.contains("ui  unlock kind"), s);
  }

  @Test
  void quittingAsksAndEachAnswerDoesWhatItSays() {
    model.key(UiKey.of('q'));
    assertTrue(screen(100, 20).contains("Quit the console UI?"));
    model.key(UiKey.of(UiKey.Kind.ESCAPE));
    assertTrue(!screen(100, 20).contains("Quit the console UI?") && calls.isEmpty() && !model.closed());
    model.key(UiKey.of('q'));
    model.key(UiKey.of('h'));
    assertEquals(List.of("headless"), calls);
    assertTrue(model.closed());

    ScreenModel other = new ScreenModel(commands, n -> null);
    other.key(UiKey.of('q'));
    other.key(UiKey.of('s'));
    assertEquals(List.of("headless", "stop"), calls);
  }

  @Test
  void exportsAreOneKeyEach() {
    model.key(UiKey.of('b'));
    assertEquals("best exported", model.message());
    model.key(UiKey.of('e'));
    assertEquals(List.of("best", "results"), calls);
    assertTrue(screen(100, 20).contains(" results exported"));
  }
}
