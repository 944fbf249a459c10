package io.hypermax.results.internal.dashboard;

import io.hypermax.core.storage.StoredStudy;
import java.nio.file.Path;
import java.util.Optional;
import io.hypermax.core.stability.API;

/**
 * Where the dashboard reads a study from. {@link #read()} is called every poll interval by one thread; it returns
 * the same instance while nothing changed, so the dashboard can tell a change by identity and rebuild only then.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface StudySource extends AutoCloseable {

  /** What is being served, for the start-up line ("results_3/journal.jsonl", "postgresql://…/db?study=x"). */
  String description();

  /** What the study holds now: finished trials, and started-but-unfinished ones (running, in a live study). */
  StoredStudy read();

  /** The folder with {@code trial_N.txt} logs, when the source has one on this host. */
  default Optional<Path> logsDirectory() {
    return Optional.empty();
  }

  /**
   * The results directory whose search takes guidance (its inbox while it runs, its journal when stopped); empty
   * when the source cannot take guidance, e.g. a shared {@code --storage} study.
   */
  default Optional<Path> resultsDirectory() {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
