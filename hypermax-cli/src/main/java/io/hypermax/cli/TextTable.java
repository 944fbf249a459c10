package io.hypermax.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table that fits a given width: columns get their natural width when it fits;
 * otherwise the widest columns are narrowed, and cells too long for their column are cut with
 * "…". A line never exceeds the width (unless even one character per column cannot fit).
 */
final class TextTable {
  private static final int GAP = 2;
  private static final int MIN_COLUMN = 6;

  private final List<String[]> rows = new ArrayList<>();
  private final int columns;
  private final java.util.Set<Integer> cutFromLeft = new java.util.HashSet<>();

  TextTable(String... header) {
    columns = header.length;
    rows.add(header);
  }

  /** Cells of this column keep their end when cut (file paths: the file name matters most). */
  TextTable cutFromLeft(int column) {
    cutFromLeft.add(column);
    return this;
  }

  void add(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
    }
    rows.add(Arrays.stream(cells).map(c -> c == null ? "" : c.replace('\n', ' ')).toArray(String[]::new));
  }

  List<String> render(int width) {
    int[] w = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        w[i] = Math.max(w[i], row[i].length());
      }
    }
    int available = width - GAP * (columns - 1);
    // Take one character at a time from the widest column until the table fits.
    while (sum(w) > available) {
      int widest = 0;
      for (int i = 1; i < columns; i++) {
        if (w[i] > w[widest]) {
          widest = i;
        }
      }
      if (w[widest] <= MIN_COLUMN) {
        break;
      }
      w[widest]--;
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        String cell = fit(row[i], w[i], cutFromLeft.contains(i));
        line.append(cell);
        if (i < columns - 1) {
          line.append(" ".repeat(w[i] - cell.length() + GAP));
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  private static String fit(String cell, int width, boolean keepEnd) {
    if (cell.length() <= width) {
      return cell;
    }
    int keep = Math.max(0, width - 1);
    return keepEnd ? "…" + cell.substring(cell.length() - keep) : cell.substring(0, keep) + "…";
  }

  private static int sum(int[] w) {
    return Arrays.stream(w).sum();
  }
}
