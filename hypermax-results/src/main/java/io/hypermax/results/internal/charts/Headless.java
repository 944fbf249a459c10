package io.hypermax.results.internal.charts;

import io.hypermax.core.stability.API;

/** Charts are drawn off-screen: no display is needed (servers, CI, ssh sessions). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Headless {
  private Headless() {}

  public static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
