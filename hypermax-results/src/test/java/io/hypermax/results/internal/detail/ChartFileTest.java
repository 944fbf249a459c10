package io.hypermax.results.internal.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartFileTest {
  @TempDir Path dir;

  private final AtomicInteger drawn = new AtomicInteger();

  private JFreeChart chart() {
    drawn.incrementAndGet();
    return ChartFactory.createScatterPlot("t", "x", "y", new XYSeriesCollection());
  }

  @Test
  void aChartIsRedrawnOnlyWhenItsDataChanged() throws Exception {
    Path csv = dir.resolve("c.csv");
    Path png = dir.resolve("c.png");
    ChartFile.write(new CsvTable("x").row(1), csv, png, 200, 100, this::chart);
    ChartFile.write(new CsvTable("x").row(1), csv, png, 200, 100, this::chart);
    assertEquals(1, drawn.get(), "same data: the PNG is kept");
    ChartFile.write(new CsvTable("x").row(2), csv, png, 200, 100, this::chart);
    assertEquals(2, drawn.get(), "new data: redrawn");
    assertEquals("x\n2\n", Files.readString(csv));
    Files.delete(png);
    ChartFile.write(new CsvTable("x").row(2), csv, png, 200, 100, this::chart);
    assertEquals(3, drawn.get(), "a missing PNG is drawn again");
    assertTrue(Files.size(png) > 0);
  }
}
