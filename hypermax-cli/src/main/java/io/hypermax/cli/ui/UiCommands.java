package io.hypermax.cli.ui;

import io.hypermax.core.guidance.GuidanceEvent;
import java.util.List;
import io.hypermax.core.stability.API;

/** What the screen's keys do to the search; each returns a one-line message for the status line. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface UiCommands {
  /** Applies guidance; throws IllegalArgumentException with a one-line reason when it does not fit. */
  String guide(GuidanceEvent event);

  String exportBest();

  String exportResults();

  /** Stops the search (running trials run again on resume). */
  void stopSearch();

  /** Closes the UI; the search goes on printing plain progress lines. */
  void leaveHeadless();

  /** The last lines of a trial's log, or an empty list. */
  List<String> logTail(int trial, int lines);
}
