package io.hypermax.executors.internal.storage.postgres;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.study.TrialSeeds;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one claim costs as a shared study grows: the whole-study read of before (every claim reads
 * and replays every trial) against the incremental read (only trials finished since the last claim,
 * plus the running ones). For each study size N, a study of N finished trials gets M more trials
 * claimed and finished by one worker; per claim the wall time is recorded. Both variants run on
 * their own study of the same size in the same PostgreSQL, alternating, so load affects both alike.
 *
 * <p>Run: {@code hypermax-executors/bench-claims.sh [SIZES] [CLAIMS]} (starts PostgreSQL 15 on loopback).
 */
public final class ClaimCostBenchmark {
  private ClaimCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "100,1000,4000").split(",")).mapToInt(Integer::parseInt).toArray();
    int claims = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    try (PostgresServer server = PostgresServer.startOrSkip()) {
      server.createDatabase("bench");
      System.out.printf("%8s %6s | %-28s | %-28s | %s%n", "finished", "claims", "full read: median [IQR] ms",
          "incremental: median [IQR] ms", "ratio full/incremental");
      for (int n : sizes) {
        SharedStudyStorage full = filled(server, "full_" + n, n, claims);
        ((PostgresStudyStorage) full).useFullReads();
        SharedStudyStorage inc = filled(server, "inc_" + n, n, claims);
        double[] fullMs = new double[claims];
        double[] incMs = new double[claims];
        for (int i = 0; i < claims; i++) {
          fullMs[i] = claimAndFinish(full, i);
          incMs[i] = claimAndFinish(inc, i);
        }
        full.close();
        inc.close();
        System.out.printf("%8d %6d | %-28s | %-28s | %.1f%n", n, claims, BenchStats.summary(fullMs), BenchStats.summary(incMs),
            BenchStats.median(fullMs) / BenchStats.median(incMs));
      }
    }
  }

  /** A study of {@code n} finished trials and {@code claims} free slots. */
  private static SharedStudyStorage filled(PostgresServer server, String study, int n, int claims) {
    SharedStudyStorage s = new PostgresStorageProvider().open(server.url("bench", study, 600));
    s.recordStudy(1);
    Instant t = Instant.now();
    for (int i = 0; i < n; i++) {
      Trial started = Trial.running(i, assignment(i), Map.of(), t);
      s.recordTrialStart(started);
      s.recordTrialEnd(started.finish(TrialResult.complete(i * 0.001, 0.01, Map.of()), t));
    }
    s.begin(1, n + claims);
    return s;
  }

  private static Assignment assignment(int number) {
    return SleepingWorkerMain.space().sample(TrialSeeds.forTrial(1, number));
  }

  /** Milliseconds for one claim (the read the suggestion needs included), then records the trial. */
  private static double claimAndFinish(SharedStudyStorage s, int i) {
    long t0 = System.nanoTime();
    int[] seen = new int[1];
    Trial trial = s.claim((number, finished, running) -> {
      seen[0] = finished.size();
      return assignment(number);
    });
    double ms = (System.nanoTime() - t0) / 1e6;
    if (trial == null || seen[0] < i) {
      throw new IllegalStateException("claim " + i + " saw " + seen[0] + " finished trials");
    }
    s.finish(trial.finish(TrialResult.complete(0.5, 0.01, Map.of()), Instant.now()));
    return ms;
  }
}
