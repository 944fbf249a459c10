package io.hypermax.results.internal.detail;

import io.hypermax.results.internal.charts.Png;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a chart and the CSV of its data. The CSV holds exactly what the chart draws, so when the
 * CSV on disk already has the same content and the PNG exists, the chart is unchanged and is not
 * drawn again: a pass during a search redraws only what new results changed (top-10% charts rarely
 * change). The PNG is written before the CSV, so a failed PNG write is retried next pass.
 */
final class ChartFile {
  /**
   * Results directories whose chart pass redraws everything (a regeneration: a hypermax upgrade may have
   * changed how charts look). Set by {@link ChartPass} for the length of one pass, from the generator's context.
   */
  private static final Set<Path> REDRAWING = ConcurrentHashMap.newKeySet();

  interface ChartMaker {
    JFreeChart make();
  }

  private ChartFile() {}

  static void redrawUnder(Path root) {
    REDRAWING.add(root.toAbsolutePath().normalize());
  }

  static void reuseUnder(Path root) {
    REDRAWING.remove(root.toAbsolutePath().normalize());
  }

  private static boolean redraw(Path png) {
    if (REDRAWING.isEmpty()) {
      return false;
    }
    Path p = png.toAbsolutePath().normalize();
    return REDRAWING.stream().anyMatch(p::startsWith);
  }

  static void write(CsvTable data, Path csv, Path png, int width, int height, ChartMaker chart) throws IOException {
    String text = data.toString();
    if (!redraw(png) && Files.isRegularFile(png) && sameContent(csv, text)) {
      return;
    }
    Png.write(chart.make(), width, height, png);
    data.write(csv);
  }

  private static boolean sameContent(Path file, String text) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) != text.getBytes(StandardCharsets.UTF_8).length) {
      return false;
    }
    return Files.readString(file, StandardCharsets.UTF_8).equals(text);
  }
}
