package io.hypermax.results.internal.detail;

import io.hypermax.core.space.Parameter;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.results.internal.analysis.CategoryStats;
import io.hypermax.results.internal.analysis.ContourField;
import io.hypermax.results.internal.analysis.Edf;
import io.hypermax.results.internal.analysis.Importance;
import io.hypermax.results.internal.analysis.NumericParameter;
import io.hypermax.results.internal.analysis.Observation;
import io.hypermax.results.internal.analysis.Observations;
import io.hypermax.results.internal.analysis.ParallelCoordinates;
import io.hypermax.results.internal.analysis.Timeline;
import io.hypermax.results.internal.charts.CategoryCharts;
import io.hypermax.results.internal.charts.ContourChart;
import io.hypermax.results.internal.charts.EdfChart;
import io.hypermax.results.internal.charts.ParallelChart;
import io.hypermax.results.internal.charts.SliceChart;
import io.hypermax.results.internal.charts.TimelineChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.hypermax.results.internal.files.FileNames;
import io.hypermax.core.stability.API;

/**
 * The views of {@code results.charts: summary} (also written under {@code all}): a slice per parameter
 * ({@code <p>/slice_<p>}), contours of the top pairs ({@code <p>/<q>/contour_<p>_<q>}), {@code parallel_coordinates},
 * {@code edf} and {@code timeline}, each PNG with the CSV of what it draws.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SummaryOutputs {
  public static final String PARALLEL = "parallel_coordinates";
  public static final String EDF = "edf";
  public static final String TIMELINE = "timeline";
  /** How many contours: the top pairs by importance. */
  public static final int CONTOUR_PAIRS = 3;

  private SummaryOutputs() {}

  public static void writeSlice(Observations obs, NumericParameter p, Path root, Notes notes) {
    String n = FileNames.safe(p.path());
    String name = "slice_" + n;
    Attempt.run(notes, p.path() + "/" + name + ".png", () -> {
      List<SliceChart.Dot> dots = new ArrayList<>();
      for (Observation o : obs.withNumbers(io.hypermax.results.internal.analysis.ValueKey.LOSS, p.path())) {
        dots.add(new SliceChart.Dot(o.number(p.path()), o.loss(), o.trial()));
      }
      if (dots.size() < 2) {
        throw new Skip("fewer than 2 results with a value for " + p.path());
      }
      CsvTable t = new CsvTable(p.path(), "loss", "trial");
      dots.forEach(d -> t.row(d.x(), d.loss(), d.trial()));
      Path dir = root.resolve(n);
      ChartFile.write(t, dir.resolve(name + ".csv"), dir.resolve(name + ".png"), 840, 560,
          () -> SliceChart.numeric(p, dots, trialSpan(obs)));
    });
  }

  public static void writeSlice(Observations obs, Parameter p, Path root, Notes notes) {
    String n = FileNames.safe(p.path());
    String name = "slice_" + n;
    Attempt.run(notes, p.path() + "/" + name + ".png", () -> {
      CategoryStats stats = CategoryStats.of(obs, p);
      if (stats.groups().isEmpty()) {
        throw new Skip("no results with a value for " + p.path());
      }
      List<SliceChart.Dot> dots = new ArrayList<>();
      CsvTable t = new CsvTable(p.path(), "loss", "trial", "x");
      for (int i = 0; i < stats.groups().size(); i++) {
        CategoryStats.Group g = stats.groups().get(i);
        for (int k = 0; k < g.count(); k++) {
          double x = i + CategoryCharts.jitter(g.trials()[k]);
          dots.add(new SliceChart.Dot(x, g.losses()[k], g.trials()[k]));
          t.row(g.label(), g.losses()[k], g.trials()[k], x);
        }
      }
      Path dir = root.resolve(n);
      ChartFile.write(t, dir.resolve(name + ".csv"), dir.resolve(name + ".png"), 840, 560,
          () -> SliceChart.categorical(stats, dots, trialSpan(obs)));
    });
  }

  /** The colour scale of trial numbers runs over 0 .. the largest trial number. */
  private static int trialSpan(Observations obs) {
    return obs.all().stream().mapToInt(Observation::trial).max().orElse(0) + 1;
  }

  /**
   * The pairs that get a contour: of the pairs of numeric parameters active together in at least 3 trials (parameters
   * of two different branches never are), the {@value #CONTOUR_PAIRS} whose importance ranks sum lowest (ties: the
   * pair whose weaker parameter ranks higher). With every pair active together that is every pair among the 3 most
   * important parameters. Within a pair the space order is kept, so the pair's folder does not move when the ranking
   * changes.
   */
  public static List<NumericParameter[]> topPairs(Observations obs, Optional<Importance> importance) {
    List<NumericParameter> ranked = new ArrayList<>();
    importance.ifPresent(imp -> imp.entries().forEach(e ->
        obs.numeric().stream().filter(p -> p.path().equals(e.parameter())).findFirst().ifPresent(ranked::add)));
    for (NumericParameter p : obs.numeric()) {
      if (!ranked.contains(p)) {
        ranked.add(p);
      }
    }
    List<NumericParameter[]> pairs = new ArrayList<>();
    for (int i = 0; i < obs.numeric().size(); i++) {
      for (int j = i + 1; j < obs.numeric().size(); j++) {
        NumericParameter a = obs.numeric().get(i);
        NumericParameter b = obs.numeric().get(j);
        if (obs.withNumbers(io.hypermax.results.internal.analysis.ValueKey.LOSS, a.path(), b.path()).size() >= 3) {
          pairs.add(new NumericParameter[] {a, b});
        }
      }
    }
    pairs.sort(java.util.Comparator
        .comparingInt((NumericParameter[] p) -> ranked.indexOf(p[0]) + ranked.indexOf(p[1]))
        .thenComparingInt(p -> Math.max(ranked.indexOf(p[0]), ranked.indexOf(p[1]))));
    List<NumericParameter[]> top = new ArrayList<>(pairs.subList(0, Math.min(CONTOUR_PAIRS, pairs.size())));
    // space order, as the files are listed
    top.sort(java.util.Comparator.comparingInt((NumericParameter[] p) -> obs.numeric().indexOf(p[0]))
        .thenComparingInt(p -> obs.numeric().indexOf(p[1])));
    return top;
  }

  static String contourName(NumericParameter x, NumericParameter y) {
    return "contour_" + FileNames.safe(x.path()) + "_" + FileNames.safe(y.path());
  }

  static Path pairDir(Path root, NumericParameter x, NumericParameter y) {
    return root.resolve(FileNames.safe(x.path())).resolve(FileNames.safe(y.path()));
  }

  public static void writeContour(Observations obs, NumericParameter x, NumericParameter y, Path root, Notes notes) {
    String name = contourName(x, y);
    Attempt.run(notes, x.path() + "/" + y.path() + "/" + name + ".png", () -> {
      ContourField f = contour(obs, x, y);
      CsvTable t = new CsvTable("kind", x.path(), y.path(), "loss", "trial");
      for (int i = 0; i < ContourField.GRID; i++) {
        for (int j = 0; j < ContourField.GRID; j++) {
          if (!Double.isNaN(f.values()[i][j])) {
            t.row("field", f.xs()[i], f.ys()[j], io.hypermax.results.internal.analysis.Stats.round(f.values()[i][j], 6), "");
          }
        }
      }
      List<Observation> rows = obs.withNumbers(io.hypermax.results.internal.analysis.ValueKey.LOSS, x.path(), y.path());
      rows.forEach(o -> t.row("trial", o.number(x.path()), o.number(y.path()), o.loss(), o.trial()));
      Observation best = rows.stream().min(java.util.Comparator.comparingDouble(Observation::score)).orElseThrow();
      Path dir = pairDir(root, x, y);
      ChartFile.write(t, dir.resolve(name + ".csv"), dir.resolve(name + ".png"), 820, 680,
          () -> ContourChart.create(f, new double[] {best.number(x.path()), best.number(y.path())}));
    });
  }

  /** The field, or a Skip when the pair has too few distinct trials to show anything. */
  public static ContourField contour(Observations obs, NumericParameter x, NumericParameter y) {
    List<Observation> rows = obs.withNumbers(io.hypermax.results.internal.analysis.ValueKey.LOSS, x.path(), y.path());
    if (rows.size() < 3) {
      throw new Skip("fewer than 3 results have both " + x.path() + " and " + y.path());
    }
    double[] xs = rows.stream().mapToDouble(o -> o.number(x.path())).toArray();
    double[] ys = rows.stream().mapToDouble(o -> o.number(y.path())).toArray();
    if (io.hypermax.results.internal.analysis.Buckets.distinct(xs) < 2 || io.hypermax.results.internal.analysis.Buckets.distinct(ys) < 2) {
      throw new Skip((io.hypermax.results.internal.analysis.Buckets.distinct(xs) < 2 ? x.path() : y.path()) + " has a single value in these results");
    }
    return ContourField.compute(obs, x, y);
  }

  /** Deletes the contour files of a pair that is no longer among the top pairs, so no stale contour is left. */
  static void removeContour(Path root, NumericParameter x, NumericParameter y) throws IOException {
    Path dir = pairDir(root, x, y);
    String name = contourName(x, y);
    Files.deleteIfExists(dir.resolve(name + ".png"));
    Files.deleteIfExists(dir.resolve(name + ".csv"));
    for (Path d : new Path[] {dir, dir.getParent()}) {
      if (Files.isDirectory(d)) {
        try (var s = Files.list(d)) {
          if (s.findAny().isEmpty()) {
            Files.delete(d);
          }
        }
      }
    }
  }

  public static void writeParallel(Observations obs, Path root, Notes notes) {
    Attempt.run(notes, PARALLEL + ".png", () -> {
      if (obs.size() < 2) {
        throw new Skip("fewer than 2 results");
      }
      ParallelCoordinates pc = ParallelCoordinates.of(obs);
      List<String> header = new ArrayList<>();
      header.add("trial");
      header.addAll(pc.axes());
      CsvTable t = new CsvTable(header);
      for (ParallelCoordinates.Line l : pc.lines()) {
        List<Object> row = new ArrayList<>();
        row.add(l.trial());
        l.values().forEach(v -> row.add(v == null ? "" : v));
        t.row(row);
      }
      ChartFile.write(t, root.resolve(PARALLEL + ".csv"), root.resolve(PARALLEL + ".png"),
          Math.max(900, 150 * pc.axes().size()), 560, () -> ParallelChart.create(pc));
    });
  }

  public static void writeEdf(Observations obs, Path root, Notes notes) {
    Attempt.run(notes, EDF + ".png", () -> {
      if (obs.size() < 2) {
        throw new Skip("fewer than 2 results");
      }
      Edf edf = Edf.of(obs);
      CsvTable t = new CsvTable("loss", "fraction");
      for (int i = 0; i < edf.losses().length; i++) {
        t.row(edf.losses()[i], edf.fractions()[i]);
      }
      ChartFile.write(t, root.resolve(EDF + ".csv"), root.resolve(EDF + ".png"), 900, 520,
          () -> EdfChart.create(edf, obs.direction() == Direction.MAXIMIZE));
    });
  }

  public static void writeTimeline(StudySnapshot snapshot, Path root, Notes notes) {
    Attempt.run(notes, TIMELINE + ".png", () -> {
      Timeline tl = Timeline.of(snapshot);
      if (tl.entries().isEmpty()) {
        throw new Skip("no trial has started yet");
      }
      CsvTable t = new CsvTable("trial", "worker", "start", "end", "status", "loss");
      tl.entries().forEach(e -> t.row(e.trial(), e.lane() + 1, e.start(), e.end(),
          e.status().name().toLowerCase(java.util.Locale.ROOT), e.loss()));
      ChartFile.write(t, root.resolve(TIMELINE + ".csv"), root.resolve(TIMELINE + ".png"),
          1000, Math.max(320, 160 + 42 * tl.lanes()), () -> TimelineChart.create(tl));
    });
  }
}
