package io.hypermax.cli;

import io.hypermax.core.guidance.Guidance;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.study.StudyListener;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import java.util.concurrent.atomic.AtomicReference;

/** Forwards to whichever display is current: the progress lines, or the console UI once it started. */
final class SwitchedListener implements StudyListener {
  private final AtomicReference<StudyListener> current;

  SwitchedListener(AtomicReference<StudyListener> current) {
    this.current = current;
  }

  @Override
  public void trialStarted(Trial trial, StudySnapshot snapshot) {
    current.get().trialStarted(trial, snapshot);
  }

  @Override
  public void trialFinished(Trial trial, StudySnapshot snapshot) {
    current.get().trialFinished(trial, snapshot);
  }

  @Override
  public void studyFinished(StudySnapshot snapshot) {
    current.get().studyFinished(snapshot);
  }

  @Override
  public void guidanceChanged(GuidanceEvent event, Guidance.State state, StudySnapshot snapshot) {
    current.get().guidanceChanged(event, state, snapshot);
  }
}
