package io.hypermax.core.study;

import io.hypermax.core.trial.Trial;

/** Observes a study: progress bars, result writers, dashboards. Called on the study's thread; keep it quick. */
public interface StudyListener {
  default void trialStarted(Trial trial, StudySnapshot snapshot) {}

  default void trialFinished(Trial trial, StudySnapshot snapshot) {}

  default void studyFinished(StudySnapshot snapshot) {}
}
