package io.hypermax.core.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.trial.TrialResult;
import java.time.Instant;
import java.util.Map;
import io.hypermax.core.stability.API;

/** One record of a journal, typed. {@link JournalCodec} turns them into lines and back. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface JournalEvent {

  /** The first record: the format version and the study's seed. */
  record StudyStarted(int version, long seed, Instant created) implements JournalEvent {}

  /**
   * A trial began with these flat parameters; {@code metadata} is what the optimizer said about the suggestion
   * ({@code Optimizer.trialMetadata}, empty when nothing), kept so that a re-run after a crash still has it.
   */
  record TrialStarted(int trial, Map<String, Object> params, Instant start, Map<String, Object> metadata)
      implements JournalEvent {
    public TrialStarted {
      metadata = metadata == null ? Map.of() : metadata;
    }

    /** A start without optimizer metadata (as every start was before the field existed). */
    public TrialStarted(int trial, Map<String, Object> params, Instant start) {
      this(trial, params, start, Map.of());
    }
  }

  /** A trial finished. */
  record TrialEnded(int trial, TrialResult result, Instant end) implements JournalEvent {}

  /** A running trial reported a value at a step. */
  record IntermediateValue(int trial, long step, double value) implements JournalEvent {}

  /** An event the core does not interpret, kept as written (its {@code event} names its kind). */
  record Custom(ObjectNode json) implements JournalEvent {}
}
