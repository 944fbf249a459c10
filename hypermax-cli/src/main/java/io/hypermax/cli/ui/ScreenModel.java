package io.hypermax.cli.ui;

import io.hypermax.core.config.JsonValues;
import io.hypermax.core.guidance.Guidance;
import io.hypermax.core.guidance.GuidanceAction;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.guidance.GuidanceRequest;
import io.hypermax.core.monitor.LiveUsage;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import io.hypermax.core.stability.API;

/**
 * The console UI without a terminal: {@link #render} draws the study as lines of text for a given
 * size, {@link #key} turns a key press into a change of view or a {@link UiCommands command}. All
 * state of the screen (view, selection, sort, popup, prompt) lives here, so it is tested directly.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ScreenModel {
  /** The views, one key each (1-5, or Tab to cycle). */
  public enum View { OVERVIEW, TRIALS, ANALYSIS, OPTIMIZER, FAILURES }

  /** Everything shown that comes from the study, taken once per frame. */
  public record Data(
      StudySnapshot snapshot, Guidance.State guidance, Map<String, String> optimizerState, Instant started, int doneAtStart, String resultsName) {}

  private final UiCommands commands;
  private final IntFunction<LiveUsage.Sample> usage;
  private final AnalysisView analysis = new AnalysisView();
  private Data data;
  private View view = View.OVERVIEW;
  private int selected;
  private int top;
  private int sortColumn;
  private boolean sortDescending;
  private int failureSelected;
  private Popup popup;
  private Prompt prompt;
  private boolean guiding;
  private int guideSelected;
  private boolean quitAsked;
  private String message = "";
  private boolean closed;

  private record Popup(String title, List<String> lines, int scroll) {}

  /** A line being typed; {@code then} receives it on Enter. */
  private record Prompt(String label, StringBuilder text, java.util.function.Consumer<String> then) {}

  public ScreenModel(UiCommands commands, IntFunction<LiveUsage.Sample> usage) {
    this.commands = commands;
    this.usage = usage;
  }

  public synchronized void update(Data d) {
    this.data = d;
  }

  public synchronized View view() {
    return view;
  }

  public synchronized String message() {
    return message;
  }

  /** A line for the status bar (a warning logged while the screen is up). */
  public synchronized void note(String text) {
    message = text;
  }

  /** True once the user chose to stop the search or leave it headless. */
  public synchronized boolean closed() {
    return closed;
  }

  // ---------------------------------------------------------------- keys

  public synchronized void key(UiKey k) {
    if (prompt != null) {
      promptKey(k);
    } else if (quitAsked) {
      quitKey(k);
    } else if (popup != null) {
      popupKey(k);
    } else if (guiding) {
      guideKey(k);
    } else {
      mainKey(k);
    }
  }

  private void mainKey(UiKey k) {
    message = ""; // a message stays until the next key
    if (k.kind() == UiKey.Kind.TAB) {
      view = View.values()[(view.ordinal() + 1) % View.values().length];
      return;
    }
    if (k.kind() == UiKey.Kind.CHAR && k.ch() >= '1' && k.ch() <= '5') {
      view = View.values()[k.ch() - '1'];
      return;
    }
    if (k.is('f')) {
      view = View.FAILURES;
    } else if (k.is('q')) {
      quitAsked = true;
    } else if (k.is('g')) {
      guiding = true;
    } else if (k.is('b')) {
      message = safely(commands::exportBest);
    } else if (k.is('e')) {
      message = safely(commands::exportResults);
    } else if (view == View.TRIALS) {
      trialsKey(k);
    } else if (view == View.FAILURES) {
      failuresKey(k);
    }
  }

  private static String safely(java.util.function.Supplier<String> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      return "failed: " + e.getMessage();
    }
  }

  private void trialsKey(UiKey k) {
    List<Trial> rows = sortedTrials();
    switch (k.kind()) {
      case UP -> selected = Math.max(0, selected - 1);
      case DOWN -> selected = Math.min(Math.max(0, rows.size() - 1), selected + 1);
      case PAGE_UP -> selected = Math.max(0, selected - 10);
      case PAGE_DOWN -> selected = Math.min(Math.max(0, rows.size() - 1), selected + 10);
      case HOME -> selected = 0;
      case END -> selected = Math.max(0, rows.size() - 1);
      case RIGHT -> sortColumn = Math.min(columns().size() - 1, sortColumn + 1);
      case LEFT -> sortColumn = Math.max(0, sortColumn - 1);
      case ENTER -> {
        if (!rows.isEmpty()) {
          openTrial(rows.get(Math.min(selected, rows.size() - 1)));
        }
      }
      case CHAR -> {
        if (k.ch() == 'r') {
          sortDescending = !sortDescending;
        } else if (k.ch() == 's') {
          sortColumn = (sortColumn + 1) % columns().size();
        }
      }
      default -> {}
    }
  }

  private void failuresKey(UiKey k) {
    List<Trial> failed = failures();
    switch (k.kind()) {
      case UP -> failureSelected = Math.max(0, failureSelected - 1);
      case DOWN -> failureSelected = Math.min(Math.max(0, failed.size() - 1), failureSelected + 1);
      case ENTER -> {
        if (!failed.isEmpty()) {
          openTrial(failed.get(Math.min(failureSelected, failed.size() - 1)));
        }
      }
      default -> {}
    }
  }

  private void popupKey(UiKey k) {
    switch (k.kind()) {
      case ESCAPE, ENTER -> popup = null;
      case UP -> popup = new Popup(popup.title, popup.lines, Math.max(0, popup.scroll - 1));
      case DOWN -> popup = new Popup(popup.title, popup.lines, Math.min(Math.max(0, popup.lines.size() - 1), popup.scroll + 1));
      case PAGE_DOWN -> popup = new Popup(popup.title, popup.lines, Math.min(Math.max(0, popup.lines.size() - 1), popup.scroll + 10));
      case PAGE_UP -> popup = new Popup(popup.title, popup.lines, Math.max(0, popup.scroll - 10));
      default -> {
        if (k.is('q')) {
          popup = null;
        }
      }
    }
  }

  private void quitKey(UiKey k) {
    if (k.is('s')) {
      quitAsked = false;
      closed = true;
      message = "stopping the search";
      commands.stopSearch();
    } else if (k.is('h')) {
      quitAsked = false;
      closed = true;
      commands.leaveHeadless();
    } else if (k.kind() == UiKey.Kind.ESCAPE || k.is('c') || k.is('q')) {
      quitAsked = false;
    }
  }

  private List<Parameter> guidable() {
    List<Parameter> out = new ArrayList<>();
    if (data != null) {
      for (Parameter p : data.snapshot().space().parameters()) {
        if (p.distribution().isOptimizable()) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private void guideKey(UiKey k) {
    List<Parameter> params = guidable();
    if (k.kind() == UiKey.Kind.ESCAPE || k.is('q')) {
      guiding = false;
      return;
    }
    if (params.isEmpty()) {
      return;
    }
    guideSelected = Math.min(guideSelected, params.size() - 1);
    Parameter p = params.get(guideSelected);
    switch (k.kind()) {
      case UP -> guideSelected = Math.max(0, guideSelected - 1);
      case DOWN -> guideSelected = Math.min(params.size() - 1, guideSelected + 1);
      case CHAR -> {
        switch (k.ch()) {
          case 'l' -> prompt = new Prompt("lock " + p.path() + " to", new StringBuilder(bestValue(p)),
              text -> apply(() -> GuidanceRequest.of(p, GuidanceAction.LOCK, text, "ui")));
          case 'u' -> apply(() -> GuidanceEvent.unlock(p.path(), "ui"));
          case 's' -> apply(() -> GuidanceEvent.scramble(p.path(), "ui"));
          case 'n' -> {
            if (p.distribution() instanceof NumberDistribution n) {
              prompt = new Prompt("narrow " + p.path() + " to min:max", new StringBuilder(num(n.min()) + ":" + num(n.max())),
                  text -> apply(() -> GuidanceRequest.of(p, GuidanceAction.NARROW, text.trim(), "ui")));
            } else {
              message = "only numbers can be narrowed; " + p.path() + " is " + p.distribution().describe();
            }
          }
          default -> {}
        }
      }
      default -> {}
    }
  }

  private void apply(java.util.function.Supplier<GuidanceEvent> event) {
    try {
      message = commands.guide(event.get());
    } catch (IllegalArgumentException e) {
      message = "not applied: " + e.getMessage();
    }
  }

  private void promptKey(UiKey k) {
    switch (k.kind()) {
      case ESCAPE -> prompt = null;
      case BACKSPACE -> {
        if (prompt.text.length() > 0) {
          prompt.text.setLength(prompt.text.length() - 1);
        }
      }
      case ENTER -> {
        Prompt p = prompt;
        prompt = null;
        p.then.accept(p.text.toString());
      }
      case CHAR -> prompt.text.append(k.ch());
      default -> {}
    }
  }

  private String bestValue(Parameter p) {
    if (data == null || data.snapshot().best().isEmpty()) {
      return "";
    }
    Object v = data.snapshot().best().get().assignment().get(p.path());
    return v == null ? "" : String.valueOf(v);
  }

  private void openTrial(Trial t) {
    List<String> lines = new ArrayList<>(List.of(TrialJson.of(t).split("\n")));
    List<String> log = commands.logTail(t.number(), 30);
    lines.add("");
    lines.add(log.isEmpty() ? "(no log)" : "log tail:");
    lines.addAll(log);
    popup = new Popup("trial " + t.number() + "  (Esc closes, Up/Down scroll)", lines, 0);
  }

  // ---------------------------------------------------------------- data views

  private List<String> columns() {
    List<String> c = new ArrayList<>(List.of("trial", "status", "loss", "time"));
    if (data != null) {
      for (Parameter p : data.snapshot().space().parameters()) {
        c.add(p.path());
      }
    }
    return c;
  }

  private List<Trial> sortedTrials() {
    if (data == null) {
      return List.of();
    }
    List<Trial> rows = new ArrayList<>(data.snapshot().finished());
    List<String> cols = columns();
    String col = cols.get(Math.min(sortColumn, cols.size() - 1));
    Comparator<Trial> cmp =
        switch (col) {
          case "trial" -> Comparator.comparingInt(Trial::number);
          case "status" -> Comparator.comparing(t -> t.status().name());
          case "loss" -> Comparator.comparingDouble(t -> Double.isNaN(t.loss()) ? Double.POSITIVE_INFINITY : t.loss());
          case "time" -> Comparator.comparingDouble(t -> t.result().time());
          default -> Comparator.comparing(t -> t.assignment().get(col), ScreenModel::compareValues);
        };
    rows.sort(sortDescending ? cmp.reversed() : cmp);
    return rows;
  }

  private static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  private List<Trial> failures() {
    if (data == null) {
      return List.of();
    }
    return data.snapshot().finished().stream().filter(t -> t.status() != TrialStatus.COMPLETE).toList();
  }

  private long count(String status) {
    return data == null ? 0 : data.snapshot().finished().stream().filter(t -> t.status().name().equals(status)).count();
  }

  // ---------------------------------------------------------------- rendering

  /** The screen as {@code height} lines of at most {@code width} characters. */
  public synchronized List<String> render(int width, int height) {
    Frame f = new Frame(width, height);
    if (data == null) {
      f.line("hypermax: starting...");
      return f.lines();
    }
    StudySnapshot s = data.snapshot();
    int done = s.finishedCount();
    double elapsed = Duration.between(data.started(), Instant.now()).toMillis() / 1000.0;
    int doneHere = done - data.doneAtStart();
    double eta = doneHere > 0 ? elapsed / doneHere * Math.max(0, s.iterations() - done) : Double.NaN;
    f.line(String.format(
        " hypermax  %s  trials %d/%d  running %d  best %s  elapsed %s  eta %s",
        data.resultsName(), done, s.iterations(), s.running().size(),
        s.best().map(t -> fmt(t.loss()) + " (trial " + t.number() + ")").orElse("-"), duration(elapsed), Double.isNaN(eta) ? "-" : duration(eta)));
    StringBuilder tabs = new StringBuilder(" ");
    String[] names = {"Overview", "Trials", "Analysis", "Optimizer", "Failures"};
    for (View v : View.values()) {
      String label = (v.ordinal() + 1) + " " + names[v.ordinal()];
      tabs.append(v == view ? "[" + label + "]" : " " + label + " ").append(' ');
    }
    tabs.append(String.format(" failed %d  killed %d  pruned %d", count("FAILED"), count("KILLED"), count("PRUNED")));
    f.line(tabs.toString());
    f.line("-".repeat(width));
    int bodyHeight = Math.max(0, height - 5);
    List<String> body =
        quitAsked ? quitLines()
            : popup != null ? popupLines(bodyHeight)
            : guiding ? guideLines()
            : switch (view) {
              case OVERVIEW -> overview(width, bodyHeight);
              case TRIALS -> trialsLines(width, bodyHeight);
              case ANALYSIS -> analysis.lines(s, width);
              case OPTIMIZER -> optimizerLines();
              case FAILURES -> failureLines();
            };
    for (int i = 0; i < bodyHeight; i++) {
      f.line(i < body.size() ? body.get(i) : "");
    }
    f.line("-".repeat(width));
    f.line(prompt != null
        ? " " + prompt.label + ": " + prompt.text + "_   (Enter applies, Esc cancels)"
        : !message.isEmpty() ? " " + message
        : guiding ? " Up/Down choose  l lock  u unlock  s scramble  n narrow  Esc back"
        : " q quit  g guide  b export best  e export results  f failures  Tab/1-5 views"
            + (view == View.TRIALS ? "  Enter open  Left/Right/s sort  r reverse" : ""));
    return f.lines();
  }

  private List<String> overview(int width, int height) {
    StudySnapshot s = data.snapshot();
    List<String> out = new ArrayList<>();
    out.add("Current best");
    if (s.best().isPresent()) {
      Trial b = s.best().get();
      out.add(String.format("  loss %s   time %.2fs   trial %d", fmt(b.loss()), b.result().time(), b.number()));
      List<String> params = new ArrayList<>();
      b.assignment().values().forEach((k, v) -> params.add(k + ": " + v));
      int half = (params.size() + 1) / 2;
      int colWidth = Math.max(20, width / 2 - 2);
      for (int i = 0; i < half; i++) {
        String left = pad("  " + params.get(i), colWidth);
        out.add(i + half < params.size() ? left + "  " + params.get(i + half) : left);
      }
    } else {
      out.add("  no trial completed yet");
    }
    out.add("");
    int runningRows = Math.min(s.running().size(), 6) + 1;
    int chartRows = Math.max(3, Math.min(10, height - out.size() - runningRows - 2));
    out.add("Rolling loss (median of the last trials)");
    out.addAll(LossChart.lines(s.finished(), width - 2, chartRows));
    out.add("");
    out.add("Running trials (" + s.running().size() + ")");
    Instant now = Instant.now();
    for (Trial t : s.running()) {
      LiveUsage.Sample u = usage.apply(t.number());
      out.add(String.format("  #%-5d %8s  RSS %s  CPU %s  %s", t.number(),
          duration(Duration.between(t.start(), now).toMillis() / 1000.0),
          u == null || Double.isNaN(u.rssMiB()) ? "   -   " : String.format("%4.0f MiB", u.rssMiB()),
          u == null || Double.isNaN(u.cpuSeconds()) ? "   -  " : String.format("%5.1fs", u.cpuSeconds()),
          json(t.assignment().values())));
    }
    return out;
  }

  private List<String> trialsLines(int width, int height) {
    List<Trial> rows = sortedTrials();
    List<String> cols = columns();
    List<String> out = new ArrayList<>();
    StringBuilder head = new StringBuilder("  ");
    for (int c = 0; c < cols.size(); c++) {
      String name = cols.get(c) + (c == sortColumn ? (sortDescending ? " v" : " ^") : "");
      head.append(pad(name, c == 1 ? 9 : 12)).append(' ');
    }
    out.add(head.toString());
    int visible = Math.max(1, height - 1);
    selected = Math.min(selected, Math.max(0, rows.size() - 1));
    if (selected < top) {
      top = selected;
    } else if (selected >= top + visible) {
      top = selected - visible + 1;
    }
    for (int i = top; i < Math.min(rows.size(), top + visible); i++) {
      Trial t = rows.get(i);
      StringBuilder sb = new StringBuilder(i == selected ? "> " : "  ");
      sb.append(pad(Integer.toString(t.number()), 12)).append(' ')
          .append(pad(t.status().name(), 9)).append(' ')
          .append(pad(fmt(t.loss()), 12)).append(' ')
          .append(pad(String.format("%.2fs", t.result().time()), 12)).append(' ');
      for (int c = 4; c < cols.size(); c++) {
        Object v = t.assignment().get(cols.get(c));
        sb.append(pad(v == null ? "" : v instanceof Double d ? fmt(d) : String.valueOf(v), 12)).append(' ');
      }
      out.add(sb.toString());
    }
    if (rows.isEmpty()) {
      out.add("  no finished trial yet");
    }
    return out;
  }

  private List<String> optimizerLines() {
    List<String> out = new ArrayList<>();
    out.add("Optimizer state");
    data.optimizerState().forEach((k, v) -> out.add("  " + k + ": " + v));
    Guidance.State g = data.guidance();
    out.add("");
    out.add("Locked parameters: " + (g.locks().isEmpty() ? "none" : ""));
    g.locks().forEach((k, v) -> out.add("  " + k + " = " + v));
    out.add("Scrambled: " + (g.scrambled().isEmpty() ? "none" : String.join(", ", g.scrambled())));
    out.add("Narrowed: " + (g.narrowed().isEmpty() ? "none" : ""));
    g.narrowed().forEach((k, v) -> out.add("  " + k + " in [" + num(v[0]) + ", " + num(v[1]) + "]"));
    out.add("");
    out.add("Guidance history (" + g.history().size() + ")");
    for (GuidanceEvent e : g.history()) {
      out.add("  " + e.at().toString().substring(0, 19).replace('T', ' ') + "  " + e.source() + "  " + e.describe());
    }
    return out;
  }

  private List<String> failureLines() {
    List<String> out = new ArrayList<>();
    List<Trial> failed = failures();
    out.add(String.format("Failed %d, killed %d, pruned %d   (Up/Down choose, Enter opens the trial with its error and log)",
        count("FAILED"), count("KILLED"), count("PRUNED")));
    failureSelected = Math.min(failureSelected, Math.max(0, failed.size() - 1));
    for (int i = 0; i < failed.size(); i++) {
      Trial t = failed.get(i);
      String err = t.result().error() == null ? "" : t.result().error();
      int nl = err.indexOf('\n');
      out.add((i == failureSelected ? "> " : "  ") + "#" + t.number() + " " + t.status() + ": " + (nl < 0 ? err : err.substring(0, nl)));
    }
    return out;
  }

  private List<String> guideLines() {
    List<String> out = new ArrayList<>();
    out.add("Human guidance: choose a parameter, then l lock, u unlock, s scramble, n narrow (numbers)");
    Guidance.State g = data.guidance();
    List<Parameter> params = guidable();
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      String state =
          g.locks().containsKey(p.path()) ? "locked = " + g.locks().get(p.path())
              : g.scrambled().contains(p.path()) ? "scrambled"
              : g.narrowed().containsKey(p.path()) ? "narrowed to [" + num(g.narrowed().get(p.path())[0]) + ", " + num(g.narrowed().get(p.path())[1]) + "]"
              : "free";
      String best = bestValue(p);
      try {
        best = fmt(Double.parseDouble(best));
      } catch (NumberFormatException notANumber) {
        // a category: shown as it is
      }
      out.add(String.format("%s %-20s %-26s best %-12s %s", i == guideSelected ? ">" : " ", p.path(), state, best, p.distribution().describe()));
    }
    return out;
  }

  private List<String> quitLines() {
    return List.of(
        "",
        "  Quit the console UI?",
        "",
        "    s   stop the search (running trials run again when you resume)",
        "    h   leave the search running headless (plain progress lines from now on)",
        "    Esc cancel");
  }

  private List<String> popupLines(int height) {
    List<String> out = new ArrayList<>();
    out.add("== " + popup.title + " ==");
    for (int i = popup.scroll; i < popup.lines.size() && out.size() < height; i++) {
      out.add(popup.lines.get(i));
    }
    return out;
  }

  // ---------------------------------------------------------------- formatting

  static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.6g", v);
  }

  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  static String duration(double seconds) {
    Duration d = Duration.ofMillis((long) (seconds * 1000));
    return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart()) : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
  }

  static String pad(String s, int w) {
    return s.length() >= w ? s.substring(0, w) : s + " ".repeat(w - s.length());
  }

  static String json(Map<String, Object> values) {
    try {
      return JsonValues.MAPPER.writeValueAsString(new LinkedHashMap<>(values));
    } catch (Exception e) {
      return String.valueOf(values);
    }
  }

  /** Lines of exactly the frame's width, never more than its height. */
  private static final class Frame {
    private final int width;
    private final int height;
    private final List<String> lines = new ArrayList<>();

    Frame(int width, int height) {
      this.width = width;
      this.height = height;
    }

    void line(String s) {
      if (lines.size() < height) {
        String clean = s.replace('\t', ' ').replace('\r', ' ');
        lines.add(pad(clean, width));
      }
    }

    List<String> lines() {
      while (lines.size() < height) {
        lines.add(" ".repeat(width));
      }
      return lines;
    }
  }
}
