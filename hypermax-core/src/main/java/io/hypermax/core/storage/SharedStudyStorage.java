package io.hypermax.core.storage;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.trial.Trial;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * A {@link StudyStorage} that many worker processes, on any hosts, share at once (e.g. PostgreSQL).
 * The trial numbers 0..iterations-1 are slots of a global budget; a worker claims one at a time, so
 * no number runs twice at once, and a worker that stops sending heartbeats has its running trials
 * re-queued with their parameters. {@code io.hypermax.core.internal.run.SharedStudyWorker} drives it.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface SharedStudyStorage extends StudyStorage {

  /** Suggests the parameters of a new trial from what the whole study holds now. */
  @FunctionalInterface
  interface Suggester {
    /**
     * @param finished every finished trial of the study, from all workers
     * @param running every running trial of the study, from all workers (for constant liar)
     * @return the parameters, or null for "not yet" (e.g. {@code search.deterministic} waits for earlier
     *     trials): the slot stays free and {@link #claim} returns null
     */
    Assignment suggest(int number, List<Trial> finished, List<Trial> running);

    /**
     * What the optimizer said about the suggestion of trial {@code number} just made ({@code Optimizer.trialMetadata});
     * the storage records it with the trial's start, so a worker that later runs the trial re-queued gets it back.
     *
     * @since 0.2
     */
    default java.util.Map<String, Object> metadata(int number) {
      return java.util.Map.of();
    }

    /**
     * A re-queued trial was claimed: {@code metadata} is what was recorded with its start (empty when nothing).
     *
     * @since 0.2
     */
    default void requeued(int number, java.util.Map<String, Object> metadata) {}
  }

  /**
   * Creates the study if it does not exist (with {@code proposedSeed}) and makes sure there are
   * {@code iterations} trial slots; returns the study's seed (the first creator's).
   */
  long begin(long proposedSeed, int iterations);

  /**
   * Claims the next trial for this worker: a re-queued trial first (same number and parameters),
   * otherwise a free slot whose parameters {@code suggester} chooses. Null when nothing is free now.
   * The returned trial is recorded as RUNNING by this worker before this returns, with the suggester's
   * {@link Suggester#metadata} (a re-queued trial keeps what its start recorded and hands it to
   * {@link Suggester#requeued}).
   */
  Trial claim(Suggester suggester);

  /**
   * Records a finished trial if this worker still owns it; false when it was re-queued meanwhile
   * (the result is dropped, so a trial never completes twice).
   */
  boolean finish(Trial done);

  /** Tells the others this worker is alive (refreshes its running trials). */
  void heartbeat();

  /** Re-queues RUNNING trials whose worker sent no heartbeat within the timeout; returns how many. */
  int requeueStale();

  /** Re-queues this worker's running trials now, keeping their parameters (a clean stop: others need not wait). */
  void releaseRunning();

  /** Whether every slot is finished (nothing pending, queued or running anywhere). */
  boolean allFinished();

  /** How often {@link #heartbeat()} should be called, in milliseconds. */
  long heartbeatMillis();

  /**
   * The intermediate values and finished trials' statuses recorded after {@code cursor} ({@link CurveUpdates.Cursor#START}
   * for everything), and where to read from next: what a worker's pruner needs on every report, without reading the
   * whole study each time. Values become visible in the order of {@link StoredStudy#intermediates()}, so a reader that
   * applies every answer in turn never misses one that a later {@link #load()} would show.
   *
   * <p>The default reads the whole study ({@link #load()}) and answers with all of it ({@link CurveUpdates#complete()}),
   * so a backend that cannot read only what is new stays correct, only slower.
   *
   * @param cursor {@link CurveUpdates.Cursor#START} or the {@link CurveUpdates#next()} of this storage's last answer
   * @since 0.2
   */
  default CurveUpdates curvesSince(CurveUpdates.Cursor cursor) {
    return CurveUpdates.everything(load());
  }
}
