package io.hypermax.results.internal.files;

import java.util.List;
import io.hypermax.core.stability.API;

/** RFC 4180 CSV cells: quoted when they hold a comma, quote or line break. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Csv {
  private Csv() {}

  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s;
    if (value instanceof Double d) {
      s = Double.isNaN(d) ? "" : (d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) + ".0" : d.toString());
    } else if (value instanceof Float f) {
      s = Float.isNaN(f) ? "" : f.toString();
    } else {
      s = String.valueOf(value);
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  public static String row(List<?> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells.get(i)));
    }
    return sb.append('\n').toString();
  }
}
