package io.hypermax.results.internal.detail;

import io.hypermax.results.internal.analysis.Numbers;
import java.util.Base64;

/** Small HTML building helpers. */
final class Html {
  private Html() {}

  static String esc(Object o) {
    String s = String.valueOf(o);
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String num(double v) {
    return esc(Numbers.format(v, 5));
  }

  static String value(Object v) {
    return v instanceof Double d ? num(d) : v instanceof Float f ? num(f) : esc(v);
  }

  static String img(byte[] png, String alt) {
    return "<img alt=\"" + esc(alt) + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\">";
  }
}
