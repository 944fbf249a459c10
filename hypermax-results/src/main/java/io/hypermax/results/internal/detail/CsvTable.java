package io.hypermax.results.internal.detail;

import io.hypermax.results.internal.files.AtomicFiles;
import io.hypermax.results.internal.files.Csv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import io.hypermax.core.stability.API;

/** A CSV file built row by row: a header, then rows of the same width. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class CsvTable {
  private final StringBuilder text = new StringBuilder();
  private final int width;

  public CsvTable(List<String> header) {
    this.width = header.size();
    text.append(Csv.row(header));
  }

  public CsvTable(String... header) {
    this(Arrays.asList(header));
  }

  public CsvTable row(Object... cells) {
    return row(Arrays.asList(cells));
  }

  public CsvTable row(List<?> cells) {
    if (cells.size() != width) {
      throw new IllegalArgumentException("row has " + cells.size() + " cells, header " + width);
    }
    text.append(Csv.row(cells));
    return this;
  }

  public void write(Path file) throws IOException {
    AtomicFiles.write(file, text.toString());
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
