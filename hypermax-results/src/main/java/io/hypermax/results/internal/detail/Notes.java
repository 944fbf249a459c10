package io.hypermax.results.internal.detail;

import java.util.ArrayList;
import java.util.List;
import io.hypermax.core.stability.API;

/** Why charts were skipped (too few results, a constant parameter, a failure), collected from all chart jobs. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Notes {
  private final List<String> lines = new ArrayList<>();

  public synchronized void add(String what, String why) {
    lines.add(what + ": " + why);
  }

  public synchronized List<String> lines() {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(null);
    return copy;
  }
}
