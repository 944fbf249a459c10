package io.hypermax.core.internal.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import io.hypermax.core.config.ConfigException;
import io.hypermax.core.stability.API;

/** Reads a JSON or YAML configuration (chosen by extension, else by content) into a {@link HypermaxConfig}. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ConfigLoader {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  /** A byte order mark some editors put at the start of UTF-8 files; it is not part of the config. */
  private static final char BOM = '\uFEFF';

  private ConfigLoader() {}

  public static HypermaxConfig load(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(name, "", "file not found");
    } catch (IOException e) {
      throw new ConfigException(name, "", "cannot read: " + e.getMessage());
    }
    JsonNode root = parseTree(name, text);
    Path dir = file.toAbsolutePath().getParent();
    return HypermaxConfig.from(name, dir, root);
  }

  /** Parses text as JSON or YAML. {@code name} decides by extension; otherwise text starting with '{' is JSON. */
  public static JsonNode parseTree(String name, String text) {
    if (!text.isEmpty() && text.charAt(0) == BOM) {
      text = text.substring(1);
    }
    boolean json = isJson(name, text);
    try {
      JsonNode root = json ? JSON.readTree(text) : YamlTree.read(name, text);
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw new ConfigException(name, "", "the file is empty");
      }
      if (!root.isObject()) {
        throw new ConfigException(name, "", "the configuration must be an object (a mapping of sections)");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
      throw new ConfigException(name, "", (json ? "JSON" : "YAML") + " syntax error at " + where + clean(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException(name, "", "cannot parse: " + e.getMessage());
    }
  }

  /**
   * One line from a parser's message: drops Jackson's "(for Array starting at [Source: ...])" and
   * SnakeYAML's "in 'reader', line 3, column 15:" and caret lines; the line and column are given already.
   */
  static String clean(String message) {
    String m = message == null ? "" : message;
    int source = m.indexOf(" (for ");
    if (source >= 0 && m.indexOf("[Source", source) >= 0) {
      m = m.substring(0, source);
    }
    StringBuilder out = new StringBuilder();
    for (String line : m.split("\\R")) {
      String l = line.strip();
      if (l.isEmpty() || l.equals("^") || l.startsWith("in 'reader'") || l.startsWith("in 'string'")) {
        continue;
      }
      out.append(out.length() == 0 ? "" : "; ").append(l);
    }
    return out.toString();
  }

  private static boolean isJson(String name, String text) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return true;
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return false;
    }
    return text.stripLeading().startsWith("{");
  }
}
