package io.hypermax.executors.internal.storage.postgres;

import io.hypermax.core.storage.JournalReplay;
import io.hypermax.core.trial.Trial;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a claim shows the optimizer: every finished trial (in finish order) and every running one.
 * Finished trials never change, so this worker keeps those it has read and asks the database only
 * for the ones finished since ({@code finish_seq > last seen}); running trials (a few per worker)
 * are read afresh. A claim therefore costs O(new + running) rows, not O(study).
 *
 * <p>This relies on finish numbers becoming visible in order within a study: every write that
 * assigns one ({@link PostgresStudyStorage#finish}, {@code recordTrialEnd}) holds the study's
 * advisory lock until it commits, so no smaller number can appear after a larger one was read.
 */
final class StudyView {
  /** The finished and running trials as of the last {@link #refresh}. */
  record Snapshot(List<Trial> finished, List<Trial> running) {}

  private final long studyId;
  private final String where;
  private final boolean incremental;
  private final List<Trial> finished = new ArrayList<>();
  private long lastSeq = Long.MIN_VALUE;

  /** @param incremental false reads the whole study every time (the old way; kept as the benchmark's baseline) */
  StudyView(long studyId, String where, boolean incremental) {
    this.studyId = studyId;
    this.where = where;
    this.incremental = incremental;
  }

  synchronized Snapshot refresh(Connection c) throws SQLException {
    if (!incremental) {
      finished.clear();
      lastSeq = Long.MIN_VALUE;
    }
    List<String> lines = new ArrayList<>();
    List<String> ends = new ArrayList<>();
    long seq = lastSeq;
    try (PreparedStatement q = c.prepareStatement(
        "SELECT start_line, end_line, finish_seq FROM hypermax_trial WHERE study_id = ? AND state = 'FINISHED'"
            + " AND finish_seq > ? ORDER BY finish_seq")) {
      q.setLong(1, studyId);
      q.setLong(2, lastSeq);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
          ends.add(rs.getString(2));
          seq = rs.getLong(3);
        }
      }
    }
    if (!ends.isEmpty()) {
      lines.addAll(ends); // starts first, then ends in finish order: the replay keeps that order
      finished.addAll(JournalReplay.replayLines(lines, where).finished());
      lastSeq = seq;
    }
    List<String> running = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(
        "SELECT start_line FROM hypermax_trial WHERE study_id = ? AND state IN ('RUNNING', 'QUEUED')"
            + " AND start_line IS NOT NULL ORDER BY number")) {
      q.setLong(1, studyId);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          running.add(rs.getString(1));
        }
      }
    }
    List<Trial> live = running.isEmpty() ? List.of() : JournalReplay.replayLines(running, where).abandoned();
    return new Snapshot(Collections.unmodifiableList(new ArrayList<>(finished)), live);
  }
}
