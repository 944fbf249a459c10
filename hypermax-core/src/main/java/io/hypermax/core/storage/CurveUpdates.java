package io.hypermax.core.storage;

import io.hypermax.core.stability.API;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SharedStudyStorage#curvesSince} answers: the intermediate values and finished trials' statuses recorded
 * after a {@link Cursor}, and the cursor to ask from next time. A reader that applies every answer in turn, starting
 * from {@link Cursor#START}, holds what {@link StudyStorage#load()} would show: {@link StoredStudy#intermediates()} in
 * their order and the status of every trial in {@link StoredStudy#finished()}.
 *
 * @param intermediates the values recorded after the cursor, in the order {@link StoredStudy#intermediates()} has them
 * @param finished the status of each trial that finished after the cursor, by trial number (finished trials never
 *     change in a shared study, so a status once read stays true)
 * @param complete true when this answer is everything the study holds rather than what is new: the reader drops what
 *     it had first. A backend answers so when it cannot read only what is new (the default, from {@code load()}), or
 *     when its stored values changed other than by appending (a journal drops a re-run trial's abandoned values)
 * @param next where the next read starts
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record CurveUpdates(
    List<StoredStudy.Intermediate> intermediates, Map<Integer, TrialStatus> finished, boolean complete, Cursor next) {

  public CurveUpdates {
    intermediates = List.copyOf(intermediates);
    finished = Map.copyOf(finished);
  }

  /**
   * How far a reader got, in positions of the backend's own: e.g. PostgreSQL's event and finish sequence numbers.
   * Only the storage that returned it can interpret it; 0, 0 ({@link #START}) is before anything.
   *
   * @param intermediates the position in the intermediate values
   * @param finished the position in the finished trials
   */
  public record Cursor(long intermediates, long finished) {
    public static final Cursor START = new Cursor(0, 0);
  }

  /** Everything {@code stored} holds, as a complete answer (the fallback of a backend that reads only whole studies). */
  public static CurveUpdates everything(StoredStudy stored) {
    Map<Integer, TrialStatus> statuses = new LinkedHashMap<>();
    for (Trial t : stored.finished()) {
      statuses.put(t.number(), t.status());
    }
    return new CurveUpdates(stored.intermediates(), statuses, true, Cursor.START);
  }
}
