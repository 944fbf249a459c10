package io.hypermax.optimizers.tpe;

import io.hypermax.core.space.*;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.study.Direction;
import io.hypermax.core.trial.*;
import java.time.Instant;
import java.util.*;
import org.junit.jupiter.api.Test;

public class ScratchTimingTest {
  @Test
  public void timing() throws Exception {
    SearchSpace space = TpeSamplerTest.space("{\"type\":\"object\",\"properties\":{\"x1\":{\"type\":\"number\",\"min\":-5,\"max\":5},\"x2\":{\"type\":\"number\",\"min\":-5,\"max\":5},\"x3\":{\"type\":\"number\",\"min\":-5,\"max\":5},\"x4\":{\"type\":\"number\",\"min\":-5,\"max\":5},\"x5\":{\"type\":\"number\",\"min\":-5,\"max\":5}}}");
    for (int n : new int[] {1000, 10000}) {
      SplittableRandom rng = new SplittableRandom(1);
      List<Trial> hist = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Assignment a = space.sample(rng);
        double f = 0; for (Object v : a.values().values()) f += Math.pow(((Number) v).doubleValue(), 2);
        hist.add(Trial.running(i, a, space.nest(a), Instant.EPOCH).finish(TrialResult.complete(f, 1, Map.of()), Instant.EPOCH));
      }
      for (boolean mv : new boolean[] {false, true}) {
        TpeSampler tpe = new TpeSampler(TpeSettings.DEFAULTS.withMultivariate(mv));
        long[] t = new long[60];
        for (int k = 0; k < t.length; k++) {
          SuggestRequest r = new SuggestRequest(n, space, hist, List.of(), Direction.MINIMIZE, new SplittableRandom(k));
          var mx = java.lang.management.ManagementFactory.getThreadMXBean(); long s = mx.getCurrentThreadCpuTime(); tpe.suggest(r); t[k] = mx.getCurrentThreadCpuTime() - s;
        }
        Arrays.sort(t);
        System.out.printf("TIMING n=%d mv=%s median %.3f ms%n", n, mv, t[30] / 1e6);
      }
    }
  }
}
