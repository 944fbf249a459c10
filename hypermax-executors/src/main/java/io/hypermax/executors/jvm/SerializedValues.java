package io.hypermax.executors.jvm;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values java_process exchanges with its trial JVM: plain {@code LinkedHashMap},
 * {@code ArrayList}, numbers, strings, booleans and null, Java-serialized. Reading accepts JDK
 * classes only, so a result file can never instantiate a class of the model's.
 */
final class SerializedValues {
  static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter("java.base/*;!*");

  private SerializedValues() {}

  /**
   * A deep copy made of plain JDK collections (immutable and wrapper collections become plain ones).
   *
   * @throws IllegalArgumentException for a value of a class outside the JDK, which the other side would refuse
   */
  static Object plain(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
      return copy;
    }
    if (value instanceof Iterable<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(plain(v)));
      return copy;
    }
    if (value != null && value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
      return plain(java.util.Arrays.asList((Object[]) value));
    }
    if (value != null && value.getClass().getModule() != Object.class.getModule()) {
      throw new IllegalArgumentException(
          "a " + value.getClass().getName() + " cannot be passed between JVMs; use numbers, strings, booleans, maps and lists");
    }
    return value;
  }

  static void write(Path file, Object value) {
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
      out.writeObject(plain(value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The value in {@code file}, or null when there is no file. */
  static Object read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
      in.setObjectInputFilter(FILTER);
      return in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
  }
}
