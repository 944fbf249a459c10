package io.hypermax.core.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import io.hypermax.core.config.ConfigException;
import io.hypermax.core.stability.API;

/**
 * Reads YAML into a Jackson tree with anchors, aliases and merge keys ({@code <<: *base}) resolved.
 *
 * <p>Why SnakeYAML's own loader and not Jackson's YAML parser: Jackson streams YAML events and
 * turns an alias into the string of its name ({@code b: *unit} became "unit"), and it does not
 * know merge keys. SnakeYAML's composer resolves both, and keeps its limits: at most
 * {@link #MAX_COLLECTION_ALIASES} aliases of collections and {@link #MAX_NESTING} levels, so a
 * "billion laughs" document is refused at once instead of expanding in memory.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class YamlTree {
  /** SnakeYAML's default; a real config uses a handful of aliases. */
  static final int MAX_COLLECTION_ALIASES = 50;
  /** SnakeYAML's default nesting limit; search spaces are a few levels deep. */
  static final int MAX_NESTING = 50;
  /** Large enough for an enum of hundreds of thousands of values. */
  static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlTree() {}

  /** The document as a tree; a syntax error or a refused document is a {@link ConfigException}. */
  public static JsonNode read(String file, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    Object loaded;
    try {
      loaded = new Yaml(new Constructor(options)).load(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      if (e.getContext() != null && problem != null && problem.startsWith("found duplicate key")) {
        problem = problem + " (" + e.getContext().strip() + ")";
      }
      throw new ConfigException(file, "", "YAML syntax error at " + where + ConfigLoader.clean(problem));
    } catch (YAMLException e) {
      // The alias, nesting and size limits end here: say which limit, in one line.
      throw new ConfigException(file, "", "YAML document refused: " + ConfigLoader.clean(e.getMessage()));
    }
    return toTree(file, loaded, new IdentityHashMap<>());
  }

  /** Jackson nodes from SnakeYAML's Java objects; a collection that contains itself is refused. */
  private static JsonNode toTree(String file, Object value, IdentityHashMap<Object, Boolean> open) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof BigInteger b) {
      return NODES.numberNode(b);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Number n) {
      return NODES.numberNode(n.doubleValue());
    }
    if (value instanceof byte[] bytes) {
      return NODES.binaryNode(bytes);
    }
    if (open.put(value, Boolean.TRUE) != null) {
      throw new ConfigException(file, "", "YAML document refused: an anchor is used inside itself (a recursive alias)");
    }
    try {
      if (value instanceof Map<?, ?> map) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (e.getKey() instanceof Map || e.getKey() instanceof Collection) {
            throw new ConfigException(file, "", "YAML document refused: a mapping key must be a plain value, found " + e.getKey());
          }
          out.set(String.valueOf(e.getKey()), toTree(file, e.getValue(), open));
        }
        return out;
      }
      if (value instanceof Collection<?> list) {
        ArrayNode out = NODES.arrayNode();
        for (Object item : list) {
          out.add(toTree(file, item, open));
        }
        return out;
      }
      return NODES.textNode(String.valueOf(value));
    } finally {
      open.remove(value);
    }
  }

  /** SnakeYAML's safe constructor, except that timestamps stay text (as they were with Jackson's parser). */
  private static final class Constructor extends SafeConstructor {
    Constructor(LoaderOptions options) {
      super(options);
      yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }
  }
}
