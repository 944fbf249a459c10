package io.hypermax.results.internal.analysis;

/** What a chart plots against the parameters. */
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
