package io.hypermax.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.trial.Trial;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Optimizer.trialMetadata} reaches the trial's recorded metadata; the function's own keys win. */
class OptimizerMetadataTest {

  static final class Noting implements io.hypermax.core.spi.Optimizer {
    private final PriorSampler prior = new PriorSampler();

    @Override
    public io.hypermax.core.space.Assignment suggest(io.hypermax.core.spi.SuggestRequest request) {
      return prior.suggest(request);
    }

    @Override
    public java.util.Map<String, Object> trialMetadata(int trialNumber) {
      return Map.of("opt.step", trialNumber, "shared", "optimizer");
    }
  }

  @Test
  void theStudyAddsWhatTheOptimizerSaidToEachTrial() {
    SearchSpace space = SearchSpace.builder().number("x", 0, 1).build();
    try (Study study = Study.builder(space, new Noting()).seed(1).iterations(3).build()) {
      for (int i = 0; i < 3; i++) {
        Trial t = study.ask();
        Trial done = study.tell(t, Map.of("loss", 0.5, "shared", "function"));
        assertEquals(t.number(), done.result().metadata().get("opt.step"));
        assertEquals("function", done.result().metadata().get("shared"));
      }
    }
  }

  @Test
  void aTrialReRunAfterACrashKeepsWhatTheOptimizerSaidAboutItsSuggestion(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    SearchSpace space = SearchSpace.builder().number("x", 0, 1).build();
    Journal crashed = Journal.open(dir);
    Study first = Study.builder(space, new Noting()).seed(1).iterations(3).storage(crashed).build();
    first.tell(first.ask(), Map.of("loss", 0.5));
    Trial running = first.ask(); // trial 1 is running when the process dies: its start is journaled, its end never
    crashed.sync();
    io.hypermax.core.storage.StoredStudy stored = Journal.read(dir);
    assertEquals(java.util.List.of(1), stored.abandoned().stream().map(Trial::number).toList());
    // The resumed study's optimizer says nothing: what the re-run carries comes from the journal.
    try (Journal reopened = Journal.open(dir);
        Study resumed = Study.builder(space, new PriorSampler()).seed(1).iterations(3).storage(reopened).restore(stored).build()) {
      Trial rerun = resumed.ask();
      assertEquals(running.number(), rerun.number());
      assertEquals(running.assignment().values(), rerun.assignment().values());
      Trial done = resumed.tell(rerun, Map.of("loss", 0.25, "shared", "function"));
      assertEquals(1, done.result().metadata().get("opt.step"));
      assertEquals("function", done.result().metadata().get("shared"));
      Trial fresh = resumed.tell(resumed.ask(), Map.of("loss", 0.75));
      assertEquals(Map.of(), fresh.result().metadata(), "a new trial of the resumed study has only its optimizer's metadata");
    }
    Trial journaled = Journal.read(dir).finished().stream().filter(t -> t.number() == 1).findFirst().orElseThrow();
    assertEquals(1, journaled.result().metadata().get("opt.step"), "and the journal's end record has it");
    crashed.close();
  }

  @Test
  void aReRunThatCrashesAgainStillHasItsMetadata(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    SearchSpace space = SearchSpace.builder().number("x", 0, 1).build();
    Journal j1 = Journal.open(dir);
    Study.builder(space, new Noting()).seed(1).iterations(2).storage(j1).build().ask();
    j1.close();
    Journal j2 = Journal.open(dir);
    Study.builder(space, new PriorSampler()).seed(1).iterations(2).storage(j2).restore(Journal.read(dir)).build().ask();
    j2.close();
    assertEquals(Map.of("opt.step", 0, "shared", "optimizer"), Journal.read(dir).abandonedMetadata(0),
        "the re-run's start record carries the metadata again");
  }

  @Test
  void optimizersWithoutMetadataChangeNothing() {
    SearchSpace space = SearchSpace.builder().number("x", 0, 1).build();
    try (Study study = Study.builder(space, new PriorSampler()).seed(1).iterations(1).build()) {
      Trial done = study.tell(study.ask(), Map.of("loss", 0.5));
      assertEquals(Map.of(), done.result().metadata());
    }
  }

}
