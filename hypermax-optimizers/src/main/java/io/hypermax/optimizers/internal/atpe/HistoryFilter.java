package io.hypermax.optimizers.internal.atpe;

import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.trial.Trial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Result filtering (§13 of the reference): which finished trials the TPE draw sees. Only the draw
 * is affected; statistics and locking use the full history. For the i-th of n finished trials
 * (0 = oldest) and u uniform: {@code age} keeps it when u < m * (i + 1) / n, {@code loss_rank} when
 * u < m * (1 - r / n) with r its rank by score (unscored trials rank last), {@code random} when u < p.
 * If fewer than 3 would be left, the full history is used.
 */
final class HistoryFilter {
  private HistoryFilter() {}

  static SuggestRequest filter(SuggestRequest request, History h, AtpeAction action, RandomGenerator rng) {
    String mode = action.filterMode();
    List<Trial> finished = request.finished();
    int n = finished.size();
    if (mode.equals("none") || n < 10) {
      return request;
    }
    Map<Integer, Integer> rank = new HashMap<>(); // only loss_rank reads it: no sort for the other modes
    if (mode.equals("loss_rank")) {
      int[] byScore = h.byScore();
      for (int r = 0; r < byScore.length; r++) {
        rank.put(h.scored().get(byScore[r]).number(), r);
      }
    }
    double m = action.filterParameter();
    List<Trial> kept = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Trial t = finished.get(i);
      double u = rng.nextDouble();
      double keep =
          switch (mode) {
            case "age" -> m * (i + 1) / (double) n;
            case "loss_rank" -> m * (1 - rank.getOrDefault(t.number(), n) / (double) n);
            default -> m;
          };
      if (u < keep) {
        kept.add(t);
      }
    }
    if (kept.size() < 3) {
      return request;
    }
    return new SuggestRequest(
        request.trialNumber(), request.space(), kept, request.running(), request.direction(), request.random(),
        request.probe());
  }
}
