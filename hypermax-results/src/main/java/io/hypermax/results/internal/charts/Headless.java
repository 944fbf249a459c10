package io.hypermax.results.internal.charts;

/** Charts are drawn off-screen: no display is needed (servers, CI, ssh sessions). */
public final class Headless {
  private Headless() {}

  public static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
