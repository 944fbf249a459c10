package io.hypermax.results.internal.files;

import java.nio.charset.StandardCharsets;
import io.hypermax.core.stability.API;

/**
 * Parameter paths as folder and file name parts.
 *
 * <p>The mapping is injective, so two parameters never share a folder: letters, digits and {@code ._=+-} are kept,
 * every other character becomes {@code ~XX} for each byte of its UTF-8 form ({@code "a b"} → {@code a~20b}, while
 * {@code "a_b"} stays {@code a_b}). {@code ~} itself is always escaped, so an escape can only come from escaping. It
 * is stable: the name depends on the path alone, not on which other parameters exist. (Replacing characters by
 * {@code _}, as before, made {@code a b} and {@code a_b} overwrite each other's charts.)
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class FileNames {
  private FileNames() {}

  /** The path as a portable, collision-free file name part. */
  public static String safe(String path) {
    if (path.isEmpty()) {
      return "~";
    }
    if (path.equals(".") || path.equals("..")) {
      return path.replace(".", "~2E");
    }
    StringBuilder out = new StringBuilder(path.length() + 8);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "._=+-".indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('~').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
