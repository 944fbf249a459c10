package io.hypermax.executors.internal.storage.postgres;

import io.hypermax.core.internal.run.SharedPruningProbe;
import io.hypermax.core.storage.JournalCodec;
import io.hypermax.core.storage.JournalEvent;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.study.TrialSeeds;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * What one pruned report costs a shared-study worker as the study's stored intermediate values grow: the whole-study
 * reload of before (record the value, load() the study, build every curve) against the incremental read (record the
 * value, read what is new, apply it; the real SharedStudyPruning.report). For each size N, two studies of N stored
 * values (finished trials of 50 steps) each get one running trial that reports M times, the two variants alternating
 * in the same PostgreSQL so load affects both alike. Wall time per report, including the insert of the value.
 *
 * <p>Run: {@code hypermax-executors/bench-prune-reports.sh [SIZES] [REPORTS]} (starts PostgreSQL 15 on loopback).
 */
public final class PruneReportCostBenchmark {
  private static final int STEPS = 50;

  private PruneReportCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "200,2000,20000").split(",")).mapToInt(Integer::parseInt).toArray();
    int reports = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    try (PostgresServer server = PostgresServer.startOrSkip()) {
      server.createDatabase("bench");
      System.out.printf("%8s %7s | %-28s | %-28s | %s%n", "values", "reports", "full reload: median [IQR] ms",
          "incremental: median [IQR] ms", "ratio full/incremental");
      for (int n : sizes) {
        SharedStudyStorage full = filled(server, "full_" + n, n);
        SharedStudyStorage inc = filled(server, "inc_" + n, n);
        int fullTrial = claim(full);
        int incTrial = claim(inc);
        SharedPruningProbe before = new SharedPruningProbe(full);
        SharedPruningProbe now = new SharedPruningProbe(inc);
        now.report(incTrial, 0, 0.5); // the first read takes in the whole study, once per worker
        double[] fullMs = new double[reports];
        double[] incMs = new double[reports];
        for (int i = 0; i < reports; i++) {
          long t0 = System.nanoTime();
          before.reportReloadingAll(fullTrial, i + 1, 1.0 / (i + 1));
          fullMs[i] = (System.nanoTime() - t0) / 1e6;
          t0 = System.nanoTime();
          now.report(incTrial, i + 1, 1.0 / (i + 1));
          incMs[i] = (System.nanoTime() - t0) / 1e6;
        }
        full.close();
        inc.close();
        System.out.printf("%8d %7d | %-28s | %-28s | %.1f%n", n, reports, BenchStats.summary(fullMs), BenchStats.summary(incMs),
            BenchStats.median(fullMs) / BenchStats.median(incMs));
      }
    }
  }

  /** A study of {@code n} stored values: finished trials of {@link #STEPS} values each, and one free slot. */
  private static SharedStudyStorage filled(PostgresServer server, String study, int n) throws Exception {
    int trials = Math.max(1, n / STEPS);
    SharedStudyStorage s = new PostgresStorageProvider().open(server.url("bench", study, 600));
    s.recordStudy(1);
    Instant t = Instant.now();
    for (int i = 0; i < trials; i++) {
      Trial started = Trial.running(i, SleepingWorkerMain.space().sample(TrialSeeds.forTrial(1, i)), Map.of(), t);
      s.recordTrialStart(started);
      s.recordTrialEnd(started.finish(TrialResult.complete(i * 0.001, 0.01, Map.of()), t));
    }
    // The values in batches (as many workers would have written them over time): filling is not what is measured.
    try (Connection c = server.connect("bench"); PreparedStatement ins = c.prepareStatement(
        "INSERT INTO hypermax_event (study_id, line) SELECT id, ? FROM hypermax_study WHERE name = ?")) {
      for (int v = 0; v < n; v++) {
        ins.setString(1, JournalCodec.encode(new JournalEvent.IntermediateValue(v / STEPS, v % STEPS, 1.0 / (1 + v % STEPS))));
        ins.setString(2, study);
        ins.addBatch();
        if (v % 1000 == 999) {
          ins.executeBatch();
        }
      }
      ins.executeBatch();
    }
    s.begin(1, trials + 1);
    return s;
  }

  private static int claim(SharedStudyStorage s) {
    return s.claim((number, finished, running) -> SleepingWorkerMain.space().sample(TrialSeeds.forTrial(1, number))).number();
  }
}
