package io.hypermax.executors.internal.storage.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The versioned DDL of the study tables, checked (and created when absent) at every start. Creation
 * is idempotent and safe when many workers start at once: it runs under a transaction-scoped
 * advisory lock, because concurrent {@code CREATE TABLE IF NOT EXISTS} can otherwise collide.
 *
 * <p>Version 1 (docs/scale-out.md):
 * <ul>
 *   <li>{@code hypermax_schema(version)}: the versions applied;
 *   <li>{@code hypermax_study(id, name unique, seed, created)}: one row per study;
 *   <li>{@code hypermax_trial(study_id, number, state, start_line, end_line, worker, heartbeat, finish_seq)}:
 *       one row per trial slot; state PENDING (no parameters yet), QUEUED (re-queued, parameters kept),
 *       RUNNING, FINISHED; start/end lines are journal records ({@code JournalCodec});
 *   <li>{@code hypermax_event(seq, study_id, line)}: intermediate values and custom events, in order; a study's
 *       {@code seq} numbers are drawn under its advisory lock, so they become visible in order and pruners read
 *       only those past the last they saw ({@code PostgresStudyStorage.curvesSince}). No new column: rows an
 *       older hypermax wrote are read alike, but while a worker of that version still writes to a study, a
 *       pruner may miss one of its values.
 * </ul>
 */
final class PostgresSchema {
  static final int VERSION = 1;
  private static final long LOCK_KEY = 0x6879706572L; // "hyper": serializes schema creation

  private static final String[] DDL_V1 = {
    "CREATE TABLE IF NOT EXISTS hypermax_schema (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())",
    "CREATE TABLE IF NOT EXISTS hypermax_study (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE, seed bigint,"
        + " created timestamptz NOT NULL DEFAULT now())",
    "CREATE TABLE IF NOT EXISTS hypermax_trial (study_id bigint NOT NULL REFERENCES hypermax_study(id),"
        + " number integer NOT NULL, state text NOT NULL, start_line text, end_line text, worker text,"
        + " heartbeat timestamptz, finish_seq bigint, PRIMARY KEY (study_id, number))",
    "CREATE INDEX IF NOT EXISTS hypermax_trial_state ON hypermax_trial (study_id, state, number)",
    "CREATE SEQUENCE IF NOT EXISTS hypermax_finish_seq",
    "CREATE TABLE IF NOT EXISTS hypermax_event (seq bigserial PRIMARY KEY, study_id bigint NOT NULL"
        + " REFERENCES hypermax_study(id), line text NOT NULL)",
    // Incremental reads (claims, pruners' curves) ask for rows past a sequence number within one study.
    "CREATE INDEX IF NOT EXISTS hypermax_trial_finish ON hypermax_trial (study_id, finish_seq)",
    "CREATE INDEX IF NOT EXISTS hypermax_event_study ON hypermax_event (study_id, seq)",
    "INSERT INTO hypermax_schema (version) VALUES (1) ON CONFLICT DO NOTHING"
  };

  private PostgresSchema() {}

  /** Creates version 1 where absent; refuses a database written by a newer hypermax. */
  static void ensure(Connection c, String where) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
      for (String ddl : DDL_V1) {
        s.execute(ddl);
      }
      try (ResultSet rs = s.executeQuery("SELECT max(version) FROM hypermax_schema")) {
        rs.next();
        int found = rs.getInt(1);
        if (found > VERSION) {
          throw new IllegalStateException(
              where + ": the study tables were written by a newer hypermax (schema version " + found
                  + "; this hypermax knows up to version " + VERSION + ")");
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }
}
