package io.hypermax.cli.packagerules.cycle.a;

import io.hypermax.cli.packagerules.cycle.b.Pong;

/** Half of a deliberate package cycle: PackageRulesTest proves its cycle rule reports it. */
public class Ping {
  public Pong answer() {
    return new Pong();
  }
}
