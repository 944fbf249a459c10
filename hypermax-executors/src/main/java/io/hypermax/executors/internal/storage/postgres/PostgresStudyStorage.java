package io.hypermax.executors.internal.storage.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.storage.CurveUpdates;
import io.hypermax.core.storage.JournalCodec;
import io.hypermax.core.storage.JournalEvent;
import io.hypermax.core.storage.JournalReplay;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.hypermax.core.stability.API;

/**
 * One study in a PostgreSQL database, shared by any number of workers. Each record is its own
 * committed transaction, so a finished trial is in the database before {@link #recordTrialEnd}
 * returns. Trials are claimed with {@code SELECT … FOR UPDATE SKIP LOCKED}: two workers never claim
 * the same slot and never wait for each other's claim. Claims ({@link StudyView}) and pruners' curves
 * ({@link #curvesSince}) read only what was recorded since their last read.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class PostgresStudyStorage implements SharedStudyStorage {
  public static final String ID = "postgresql";
  /** The first key of the per-study advisory lock that orders finish numbers (the second is the study id). */
  private static final int FINISH_LOCK = 0x68797066; // "hypf"
  /** The same for event numbers ({@code hypermax_event.seq}): intermediate values and custom events. */
  private static final int EVENT_LOCK = 0x68797065; // "hype"

  private final HikariDataSource pool;
  private final PostgresUrl url;
  private final String where;
  private final String worker;
  private final long studyId;
  private StudyView view;

  PostgresStudyStorage(PostgresUrl url, String where) {
    this.url = url;
    this.where = where;
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url.jdbcUrl());
    hc.setUsername(url.user());
    if (url.password() != null) {
      hc.setPassword(url.password());
    }
    hc.setMaximumPoolSize(4);
    hc.setMinimumIdle(1);
    hc.setPoolName("hypermax-" + url.study());
    hc.setInitializationFailTimeout(10_000);
    hc.setConnectionTimeout(10_000);
    try {
      this.pool = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new IllegalStateException(where + ": cannot connect: " + rootMessage(e), e);
    }
    this.worker = workerName();
    try (Connection c = pool.getConnection()) {
      PostgresSchema.ensure(c, where);
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO hypermax_study (name) VALUES (?) ON CONFLICT (name) DO NOTHING")) {
        ins.setString(1, url.study());
        ins.executeUpdate();
      }
      try (PreparedStatement q = c.prepareStatement("SELECT id FROM hypermax_study WHERE name = ?")) {
        q.setString(1, url.study());
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          this.studyId = rs.getLong(1);
        }
      }
      this.view = new StudyView(studyId, where, true);
    } catch (SQLException e) {
      pool.close();
      throw fail("open the study", e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** host:pid:random, unique per process; shown in the trial rows so people can tell who ran what. */
  private static String workerName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "unknown";
    }
    return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
  }

  public String worker() {
    return worker;
  }

  /** Claims read the whole study each time, as before incremental reads (only the claim benchmark's baseline). */
  void useFullReads() {
    this.view = new StudyView(studyId, where, false);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public StoredStudy load() {
    try (Connection c = pool.getConnection()) {
      List<String> lines = new ArrayList<>();
      Long seed = null;
      Instant created = null;
      try (PreparedStatement q = c.prepareStatement("SELECT seed, created FROM hypermax_study WHERE id = ?")) {
        q.setLong(1, studyId);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          long s = rs.getLong(1);
          seed = rs.wasNull() ? null : s;
          created = rs.getTimestamp(2).toInstant();
        }
      }
      if (seed != null) {
        lines.add(JournalCodec.encode(new JournalEvent.StudyStarted(JournalCodec.VERSION, seed, created)));
      }
      trialLines(c, null, lines);
      try (PreparedStatement q = c.prepareStatement("SELECT line FROM hypermax_event WHERE study_id = ? ORDER BY seq")) {
        q.setLong(1, studyId);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            lines.add(rs.getString(1));
          }
        }
      }
      return JournalReplay.replayLines(lines, where);
    } catch (SQLException e) {
      throw fail("load the study", e);
    }
  }

  /** Start lines in number order, then end lines in finish order: what a replay needs. */
  private void trialLines(Connection c, String lock, List<String> lines) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(
        "SELECT start_line FROM hypermax_trial WHERE study_id = ? AND start_line IS NOT NULL ORDER BY number")) {
      q.setLong(1, studyId);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
    try (PreparedStatement q = c.prepareStatement(
        "SELECT end_line FROM hypermax_trial WHERE study_id = ? AND end_line IS NOT NULL ORDER BY finish_seq")) {
      q.setLong(1, studyId);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
  }

  @Override
  public void recordStudy(long seed) {
    update("record the study", "UPDATE hypermax_study SET seed = ? WHERE id = ? AND seed IS NULL", seed, studyId);
  }

  @Override
  public void recordTrialStart(Trial trial) {
    recordTrialStart(trial, java.util.Map.of());
  }

  @Override
  public void recordTrialStart(Trial trial, java.util.Map<String, Object> metadata) {
    update("record the start of trial " + trial.number(),
        "INSERT INTO hypermax_trial (study_id, number, state, start_line, worker, heartbeat) VALUES (?, ?, 'RUNNING', ?, ?, now())"
            + " ON CONFLICT (study_id, number) DO UPDATE SET state = 'RUNNING', start_line = EXCLUDED.start_line,"
            + " end_line = NULL, finish_seq = NULL, worker = EXCLUDED.worker, heartbeat = now()",
        studyId, trial.number(), startLine(trial, metadata), worker);
  }

  @Override
  public void recordTrialEnd(Trial trial) {
    inFinishOrder("record trial " + trial.number(),
        "INSERT INTO hypermax_trial (study_id, number, state, start_line, end_line, worker, finish_seq)"
            + " VALUES (?, ?, 'FINISHED', ?, ?, ?, nextval('hypermax_finish_seq'))"
            + " ON CONFLICT (study_id, number) DO UPDATE SET state = 'FINISHED', end_line = EXCLUDED.end_line,"
            + " finish_seq = EXCLUDED.finish_seq",
        studyId, trial.number(), startLine(trial, java.util.Map.of()), endLine(trial), worker);
  }

  /**
   * Runs a write that assigns a finish number under the study's advisory lock, held until commit, so
   * finish numbers become visible in order and {@link StudyView} can read only those past its last.
   */
  private int inFinishOrder(String what, String sql, Object... args) {
    return inOrder(FINISH_LOCK, what, sql, args);
  }

  /** Runs a write that draws a number of a sequence under the study's advisory lock {@code key} (see {@link #inFinishOrder}). */
  private int inOrder(int key, String what, String sql, Object... args) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)");
          PreparedStatement p = c.prepareStatement(sql)) {
        lock.setInt(1, key);
        lock.setInt(2, (int) studyId);
        lock.execute();
        for (int i = 0; i < args.length; i++) {
          p.setObject(i + 1, args[i]);
        }
        int n = p.executeUpdate();
        c.commit();
        return n;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw fail(what, e);
    }
  }

  private static String startLine(Trial t, java.util.Map<String, Object> metadata) {
    return JournalCodec.encode(new JournalEvent.TrialStarted(t.number(), t.assignment().values(), t.start(), metadata));
  }

  private static String endLine(Trial t) {
    return JournalCodec.encode(new JournalEvent.TrialEnded(t.number(), t.result(), t.end()));
  }

  @Override
  public void recordIntermediate(int trial, long step, double value) {
    event(JournalCodec.encode(new JournalEvent.IntermediateValue(trial, step, value)));
  }

  @Override
  public void recordCustom(ObjectNode event) {
    event(JournalCodec.encode(new JournalEvent.Custom(event)));
  }

  /**
   * Event numbers are drawn under the study's event lock, held until commit, so they become visible in
   * order: a reader that saw number n never sees a smaller one appear later ({@link #curvesSince}).
   */
  private void event(String line) {
    inOrder(EVENT_LOCK, "record an event", "INSERT INTO hypermax_event (study_id, line) VALUES (?, ?)", studyId, line);
  }

  /**
   * Reads only the events whose {@code seq} is above {@code cursor.intermediates()} and the finished trials whose
   * {@code finish_seq} is above {@code cursor.finished()}: both numbers become visible in order (their writes hold
   * the study's advisory locks), so nothing is skipped. Applied in turn, the answers hold what {@link #load()}
   * shows: it replays every trial's start before any event, so an abandoned run's values stay beside its re-run's.
   */
  @Override
  public CurveUpdates curvesSince(CurveUpdates.Cursor cursor) {
    try (Connection c = pool.getConnection()) {
      List<StoredStudy.Intermediate> values = new ArrayList<>();
      long events = linesAfter(c, "SELECT seq, line FROM hypermax_event WHERE study_id = ? AND seq > ? ORDER BY seq",
          cursor.intermediates(), (seq, line) -> {
            if (decodeOrNull(line, "event " + seq) instanceof JournalEvent.IntermediateValue v) {
              values.add(new StoredStudy.Intermediate(v.trial(), v.step(), v.value()));
            }
          });
      Map<Integer, TrialStatus> finished = new LinkedHashMap<>();
      long finishes = linesAfter(c, "SELECT finish_seq, end_line FROM hypermax_trial WHERE study_id = ?"
          + " AND state = 'FINISHED' AND finish_seq > ? ORDER BY finish_seq", cursor.finished(), (seq, line) -> {
            if (decodeOrNull(line, "finish " + seq) instanceof JournalEvent.TrialEnded e) {
              finished.put(e.trial(), e.result().status());
            }
          });
      return new CurveUpdates(values, finished, false, new CurveUpdates.Cursor(events, finishes));
    } catch (SQLException e) {
      throw fail("read the study's learning curves", e);
    }
  }

  /** One row of a read past a sequence number: the row's number and its record line. */
  private interface NumberedLine {
    void accept(long seq, String line);
  }

  /**
   * Runs {@code sql} (parameters: this study, a sequence number) whose rows are (number, line) in order, hands
   * each to {@code row}, and returns the last number read ({@code after} when there was none).
   */
  private long linesAfter(Connection c, String sql, long after, NumberedLine row) throws SQLException {
    long last = after;
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setLong(1, studyId);
      q.setLong(2, after);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          last = rs.getLong(1);
          row.accept(last, rs.getString(2));
        }
      }
    }
    return last;
  }

  /** A record, or null for a damaged one: skipped, as {@link #load()}'s replay skips it. */
  private JournalEvent decodeOrNull(String line, String which) {
    try {
      return JournalCodec.decode(line, where + " " + which);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public void sync() {
    // Every record is a committed transaction already.
  }

  // ---- sharing between workers ----

  @Override
  public long begin(long proposedSeed, int iterations) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement u = c.prepareStatement("UPDATE hypermax_study SET seed = ? WHERE id = ? AND seed IS NULL")) {
          u.setLong(1, proposedSeed);
          u.setLong(2, studyId);
          u.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement(
            "INSERT INTO hypermax_trial (study_id, number, state) SELECT ?, n, 'PENDING' FROM generate_series(0, ? - 1) n"
                + " ON CONFLICT DO NOTHING")) {
          ins.setLong(1, studyId);
          ins.setInt(2, iterations);
          ins.executeUpdate();
        }
        long seed;
        try (PreparedStatement q = c.prepareStatement("SELECT seed FROM hypermax_study WHERE id = ?")) {
          q.setLong(1, studyId);
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            seed = rs.getLong(1);
          }
        }
        c.commit();
        return seed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw fail("begin the study", e);
    }
  }

  @Override
  public Trial claim(Suggester suggester) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        Trial claimed = claimIn(c, suggester);
        if (claimed == null) {
          c.rollback();
          return null;
        }
        c.commit();
        return claimed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw fail("claim a trial", e);
    }
  }

  private Trial claimIn(Connection c, Suggester suggester) throws SQLException {
    int number;
    String state;
    String startLine;
    // Re-queued trials first (they keep their parameters), then the lowest free slot.
    try (PreparedStatement q = c.prepareStatement(
        "SELECT number, state, start_line FROM hypermax_trial WHERE study_id = ? AND state IN ('QUEUED', 'PENDING')"
            + " ORDER BY (state = 'QUEUED') DESC, number LIMIT 1 FOR UPDATE SKIP LOCKED")) {
      q.setLong(1, studyId);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        number = rs.getInt(1);
        state = rs.getString(2);
        startLine = rs.getString(3);
      }
    }
    Instant now = Instant.now();
    Trial trial;
    java.util.Map<String, Object> metadata;
    if ("QUEUED".equals(state)) {
      StoredStudy one = JournalReplay.replayLines(List.of(startLine), where);
      Trial before = one.abandoned().get(0);
      trial = Trial.running(number, before.assignment(), before.parameters(), now);
      metadata = one.abandonedMetadata(number); // the suggestion's optimizer metadata stays with the trial
      suggester.requeued(number, metadata);
    } else {
      StudyView.Snapshot seen = view.refresh(c);
      Assignment a = suggester.suggest(number, seen.finished(), seen.running());
      if (a == null) {
        return null; // not yet (search.deterministic waits for earlier trials): the caller rolls back
      }
      trial = Trial.running(number, a, java.util.Map.of(), now);
      metadata = suggester.metadata(number);
    }
    try (PreparedStatement u = c.prepareStatement(
        "UPDATE hypermax_trial SET state = 'RUNNING', start_line = ?, worker = ?, heartbeat = now() WHERE study_id = ? AND number = ?")) {
      u.setString(1, startLine(trial, metadata));
      u.setString(2, worker);
      u.setLong(3, studyId);
      u.setInt(4, number);
      u.executeUpdate();
    }
    return trial;
  }

  @Override
  public boolean finish(Trial done) {
    return inFinishOrder("record trial " + done.number(),
        "UPDATE hypermax_trial SET state = 'FINISHED', end_line = ?, finish_seq = nextval('hypermax_finish_seq')"
            + " WHERE study_id = ? AND number = ? AND state = 'RUNNING' AND worker = ?",
        endLine(done), studyId, done.number(), worker) == 1;
  }

  @Override
  public void heartbeat() {
    update("send a heartbeat", "UPDATE hypermax_trial SET heartbeat = now() WHERE study_id = ? AND worker = ? AND state = 'RUNNING'",
        studyId, worker);
  }

  @Override
  public int requeueStale() {
    // The database's clock on both sides of the comparison: workers' clocks may disagree.
    return update("re-queue trials of dead workers",
        "UPDATE hypermax_trial SET state = 'QUEUED', worker = NULL WHERE study_id = ? AND state = 'RUNNING'"
            + " AND heartbeat < now() - make_interval(secs => ?)",
        studyId, url.heartbeatTimeoutSeconds());
  }

  @Override
  public void releaseRunning() {
    update("hand back this worker's trials",
        "UPDATE hypermax_trial SET state = 'QUEUED', worker = NULL WHERE study_id = ? AND worker = ? AND state = 'RUNNING'",
        studyId, worker);
  }

  @Override
  public boolean allFinished() {
    try (Connection c = pool.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT count(*) FROM hypermax_trial WHERE study_id = ? AND state <> 'FINISHED'")) {
      q.setLong(1, studyId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1) == 0;
      }
    } catch (SQLException e) {
      throw fail("read the study's progress", e);
    }
  }

  @Override
  public long heartbeatMillis() {
    return Math.max(50, (long) (url.heartbeatTimeoutSeconds() * 1000 / 4));
  }

  private int update(String what, String sql, Object... args) {
    try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      return p.executeUpdate();
    } catch (SQLException e) {
      throw fail(what, e);
    }
  }

  private IllegalStateException fail(String what, SQLException e) {
    return new IllegalStateException(where + ": cannot " + what + ": " + e.getMessage(), e);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public void close() {
    pool.close();
  }
}
