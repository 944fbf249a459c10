package io.hypermax.results.internal.detail;

import io.hypermax.results.internal.charts.Png;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;

/**
 * Writes a chart and the CSV of its data. The CSV holds exactly what the chart draws, so when the
 * CSV on disk already has the same content and the PNG exists, the chart is unchanged and is not
 * drawn again: a pass during a search redraws only what new results changed (top-10% charts rarely
 * change). The PNG is written before the CSV, so a failed PNG write is retried next pass.
 */
final class ChartFile {
  /** System property that disables the reuse (e.g. after a hypermax upgrade changed how charts look). */
  static final String REDRAW_PROPERTY = "hypermax.charts.redraw";

  interface ChartMaker {
    JFreeChart make();
  }

  private ChartFile() {}

  static void write(CsvTable data, Path csv, Path png, int width, int height, ChartMaker chart) throws IOException {
    String text = data.toString();
    if (!Boolean.getBoolean(REDRAW_PROPERTY) && Files.isRegularFile(png) && sameContent(csv, text)) {
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
