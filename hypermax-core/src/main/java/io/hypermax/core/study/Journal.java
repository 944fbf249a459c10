package io.hypermax.core.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.storage.FsyncPolicy;
import io.hypermax.core.storage.JournalCodec;
import io.hypermax.core.storage.JournalEvent;
import io.hypermax.core.storage.JournalFile;
import io.hypermax.core.storage.JournalReplay;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.storage.StudyStorage;
import io.hypermax.core.trial.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import io.hypermax.core.stability.API;

/**
 * The default {@link StudyStorage}: the append-only file {@code journal.jsonl} in a results
 * directory, one JSON record per line (format: {@link JournalCodec}). The bytes are handled by
 * {@link JournalFile}, the records by {@link JournalCodec}, rebuilding by {@link JournalReplay};
 * this class only ties them together with the fsync policy.
 *
 * <p>Every record is written to the operating system before its method returns, so killing the
 * search loses nothing. fsync follows the {@link FsyncPolicy}: by group commit (default) or per
 * finished trial. A torn last line (a crash mid-write) is dropped when the journal is read or reopened.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Journal implements StudyStorage {
  public static final String FILE_NAME = "journal.jsonl";
  public static final String ID = "journal";

  private final JournalFile file;
  private final FsyncPolicy fsync;
  private final io.hypermax.core.storage.GroupCommit group;
  private boolean closed;

  private Journal(JournalFile file, FsyncPolicy fsync, Consumer<String> warn) {
    this.file = file;
    this.fsync = fsync;
    this.group =
        fsync == FsyncPolicy.GROUP
            ? new io.hypermax.core.storage.GroupCommit(file.path().getParent().getFileName().toString(), file::sync, e -> warn.accept(e.getMessage()))
            : null;
  }

  /** Opens (creating if needed) the journal in {@code directory} with group commit. */
  public static Journal open(Path directory) {
    return open(directory, FsyncPolicy.GROUP, org.slf4j.LoggerFactory.getLogger(Journal.class)::warn);
  }

  /**
   * Opens (creating if needed) the journal in {@code directory} for appending, first dropping a torn last line.
   *
   * @param warn hears of a failed background fsync
   */
  public static Journal open(Path directory, FsyncPolicy fsync, Consumer<String> warn) {
    try {
      Files.createDirectories(directory);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
    }
    return new Journal(JournalFile.open(directory.resolve(FILE_NAME)), fsync, warn);
  }

  public Path file() {
    return file.path();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public StoredStudy load() {
    return read(file.path().getParent());
  }

  @Override
  public void recordStudy(long seed) {
    file.appendLine(JournalCodec.encode(new JournalEvent.StudyStarted(JournalCodec.VERSION, seed, Instant.now())));
    file.sync(); // once per study: a new study is durable before its first trial
  }

  @Override
  public void recordTrialStart(Trial trial) {
    recordTrialStart(trial, java.util.Map.of());
  }

  @Override
  public void recordTrialStart(Trial trial, java.util.Map<String, Object> metadata) {
    file.appendLine(JournalCodec.encode(new JournalEvent.TrialStarted(trial.number(), trial.assignment().values(), trial.start(), metadata)));
  }

  @Override
  public void recordTrialEnd(Trial trial) {
    file.appendLine(JournalCodec.encode(new JournalEvent.TrialEnded(trial.number(), trial.result(), trial.end())));
    durable();
  }

  @Override
  public void recordIntermediate(int trial, long step, double value) {
    file.appendLine(JournalCodec.encode(new JournalEvent.IntermediateValue(trial, step, value)));
  }

  @Override
  public void recordCustom(ObjectNode event) {
    file.appendLine(JournalCodec.encode(new JournalEvent.Custom(event)));
    durable();
  }

  private void durable() {
    if (group != null) {
      group.dirty();
    } else {
      file.sync();
    }
  }

  @Override
  public void sync() {
    file.sync();
  }

  public FsyncPolicy fsyncPolicy() {
    return fsync;
  }

  /** fsyncs whatever is pending (always, also on Ctrl-C: the study closes its storage) and closes the file. */
  @Override
  public synchronized void close() {
    if (closed) {
      return; // closed by the study and again by its directory
    }
    closed = true;
    try {
      if (group != null) {
        group.close();
      } else {
        file.sync();
      }
    } finally {
      file.close();
    }
  }

  /** Whether {@code directory} holds a journal. */
  public static boolean exists(Path directory) {
    return Files.isRegularFile(directory.resolve(FILE_NAME), java.nio.file.LinkOption.NOFOLLOW_LINKS)
        || Files.isSymbolicLink(directory.resolve(FILE_NAME));
  }

  /**
   * Rebuilds the study recorded in {@code directory}. Damaged lines are skipped and named in
   * {@link StoredStudy#problems()} (a torn last line silently: it is expected after a crash).
   *
   * @throws io.hypermax.core.storage.JournalVersionException for a journal of a newer format
   */
  public static StoredStudy read(Path directory) {
    return JournalReplay.replayLines(JournalFile.readLines(directory.resolve(FILE_NAME)), FILE_NAME);
  }
}
