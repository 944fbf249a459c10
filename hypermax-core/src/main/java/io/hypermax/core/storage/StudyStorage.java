package io.hypermax.core.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.stability.API;

/**
 * Records one study as it runs and rebuilds it later. A backend must keep every event it has
 * accepted in order, and must have handed a finished trial to durable storage (at least to the
 * operating system) before {@link #recordTrialEnd} returns, so killing the search process loses
 * no finished trial. Implementations are thread-safe.
 *
 * <p>Third-party backends can be checked with {@code StorageContract} from core's test-jar.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface StudyStorage extends AutoCloseable {

  /** A stable id of the backend kind ("journal", "memory"), as a config would name it. */
  String id();

  /** Everything recorded so far; an empty {@link StoredStudy} (no seed) when nothing was. */
  StoredStudy load();

  /** Records the study's settings; once, before its first trial. */
  void recordStudy(long seed);

  void recordTrialStart(Trial trial);

  /**
   * Records a trial's start with what the optimizer said about its suggestion ({@code Optimizer.trialMetadata}), so
   * that a re-run after a crash keeps it ({@link StoredStudy#abandonedMetadata}). A backend that predates this records
   * the start alone (the default): its re-runs lose the metadata, nothing else.
   *
   * @param metadata empty when the optimizer said nothing
   * @since 0.2
   */
  default void recordTrialStart(Trial trial, java.util.Map<String, Object> metadata) {
    recordTrialStart(trial);
  }

  /** Records a finished trial; written before this returns (see the class comment). */
  void recordTrialEnd(Trial trial);

  /** Records an intermediate value a running trial reported (e.g. a validation loss per epoch). */
  void recordIntermediate(int trial, long step, double value);

  /** Records an event of a kind the core does not interpret (e.g. a define-by-run parameter definition). */
  void recordCustom(ObjectNode event);

  /** Makes everything recorded so far durable now (fsync for files). */
  void sync();

  @Override
  void close();
}
