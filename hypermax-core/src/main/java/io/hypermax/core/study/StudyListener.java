package io.hypermax.core.study;

import io.hypermax.core.trial.Trial;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.stability.API;

/** Observes a study: progress bars, result writers, dashboards. Called on the study's thread; keep it quick. */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface StudyListener {
  default void trialStarted(Trial trial, StudySnapshot snapshot) {}

  default void trialFinished(Trial trial, StudySnapshot snapshot) {}

  default void studyFinished(StudySnapshot snapshot) {}

  /** Guidance was applied (a lock, a scramble, a narrowing); {@code state} is what is in force now. */
  default void guidanceChanged(
      io.hypermax.core.guidance.GuidanceEvent event, io.hypermax.core.guidance.Guidance.State state, StudySnapshot snapshot) {}
}
