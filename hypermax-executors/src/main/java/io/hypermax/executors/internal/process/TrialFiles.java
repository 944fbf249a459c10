package io.hypermax.executors.internal.process;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import io.hypermax.core.stability.API;

/**
 * The two files a trial process exchanges with hypermax: its parameters as JSON
 * ({@code HYPERMAX_PARAMS}) and the file it writes its result to ({@code HYPERMAX_RESULT}). The
 * result file is a channel of its own, so nothing the model prints can corrupt the result.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TrialFiles implements AutoCloseable {
  public static final String PARAMS_ENV = "HYPERMAX_PARAMS";
  public static final String RESULT_ENV = "HYPERMAX_RESULT";

  /** Reads results as written by Python's json module, which writes NaN and Infinity bare. */
  public static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final Path directory;
  private final Path params;
  private final Path result;
  private final byte[] paramsJson;

  private TrialFiles(Path directory, byte[] paramsJson) throws IOException {
    this.directory = directory;
    this.params = directory.resolve("params.json");
    this.result = directory.resolve("result.json");
    this.paramsJson = paramsJson;
    Files.write(params, paramsJson);
  }

  public static TrialFiles create(int trialNumber, Map<String, Object> parameters) {
    return create(null, trialNumber, parameters);
  }

  /** The files of {@code request}, in its study's {@link TrialRequest#tempDirectory()} (swept at the next start). */
  public static TrialFiles create(io.hypermax.core.spi.TrialRequest request) {
    return create(request.tempDirectory(), request.number(), request.parameters());
  }

  /** @param root where the folder goes, or null for the system's temporary folder */
  public static TrialFiles create(Path root, int trialNumber, Map<String, Object> parameters) {
    try {
      byte[] json = JSON.writeValueAsBytes(parameters);
      String prefix = "hypermax-trial-" + trialNumber + "-";
      Path dir;
      if (root != null) {
        Files.createDirectories(root);
        dir = Files.createTempDirectory(root, prefix);
      } else {
        dir = Files.createTempDirectory(prefix);
      }
      return new TrialFiles(dir, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trial's parameter file", e);
    }
  }

  /** The trial's private temporary folder, for further files of an executor's own. */
  public Path directory() {
    return directory;
  }

  public byte[] paramsJson() {
    return paramsJson.clone();
  }

  public Map<String, String> environment() {
    return Map.of(PARAMS_ENV, params.toString(), RESULT_ENV, result.toString());
  }

  /** The parsed result file, or null when the process did not write one. */
  public Object readResult() throws IOException {
    if (!Files.exists(result) || Files.size(result) == 0) {
      return null;
    }
    return JSON.readValue(result.toFile(), Object.class);
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
