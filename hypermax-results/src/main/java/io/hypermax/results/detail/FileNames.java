package io.hypermax.results.detail;

/** Parameter paths as folder and file name parts. */
public final class FileNames {
  private FileNames() {}

  /** The path with characters that are not portable in file names replaced by '_'. */
  public static String safe(String path) {
    String s = path.replaceAll("[^A-Za-z0-9._=+-]", "_");
    return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" + s : s;
  }
}
