package io.hypermax.results.internal.detail;

/** Runs one chart's work; a {@link Skip} or any failure becomes a note, so one chart never stops the others. */
final class Attempt {
  interface Work {
    void run() throws Exception;
  }

  private Attempt() {}

  static void run(Notes notes, String what, Work work) {
    try {
      work.run();
    } catch (Skip s) {
      notes.add(what, "skipped, " + s.getMessage());
    } catch (Exception | LinkageError e) {
      notes.add(what, "failed: " + e);
    }
  }
}
