package io.hypermax.results.internal.dashboard;

import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.storage.StudyStorage;
import java.nio.file.Path;
import java.util.Optional;
import io.hypermax.core.stability.API;

/**
 * Any {@link StudyStorage} as a dashboard source, e.g. a shared PostgreSQL study opened through
 * {@code StorageProvider.forUrl}. Each read loads the whole study (the SPI has no "since" query); the result is
 * reused while the trial counts are unchanged, so the page is rebuilt only when something happened.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class StorageSource implements StudySource {
  private final StudyStorage storage;
  private final String description;
  private final Path logs;
  private StoredStudy current = StoredStudy.EMPTY;
  private String fingerprint = "";

  /**
   * @param description what to print (a URL without its password)
   * @param logs a local folder of {@code trial_N.txt} logs, or null (a shared study's logs stay on its workers)
   */
  public StorageSource(StudyStorage storage, String description, Path logs) {
    this.storage = storage;
    this.description = description;
    this.logs = logs;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Optional<Path> logsDirectory() {
    return Optional.ofNullable(logs);
  }

  @Override
  public synchronized StoredStudy read() {
    StoredStudy s = storage.load();
    String f = s.seed() + "/" + s.finished().size() + "/" + s.abandoned().stream().map(t -> t.number()).toList()
        + "/" + s.intermediates().size() + "/" + s.customEvents().size();
    if (!f.equals(fingerprint)) {
      fingerprint = f;
      current = s;
    }
    return current;
  }

  @Override
  public void close() {
    storage.close();
  }
}
