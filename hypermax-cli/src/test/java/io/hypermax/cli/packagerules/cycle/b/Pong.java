package io.hypermax.cli.packagerules.cycle.b;

import io.hypermax.cli.packagerules.cycle.a.Ping;

/** The other half of the deliberate package cycle. */
public class Pong {
  public Ping serve() {
    return new Ping();
  }
}
