package io.hypermax.results.internal.analysis;

import io.hypermax.core.stability.API;

/** What a chart plots against the parameters. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum ValueKey {
  LOSS("loss", "losses"),
  TIME("time", "times");

  private final String label;
  private final String plural;

  ValueKey(String label, String plural) {
    this.label = label;
    this.plural = plural;
  }

  public String label() {
    return label;
  }

  public String plural() {
    return plural;
  }
}
