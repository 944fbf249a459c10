package io.hypermax.core.internal.run;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.storage.FsyncPolicy;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.study.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import io.hypermax.core.guidance.Guidance;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.guidance.GuidanceInbox;
import io.hypermax.core.internal.guidance.GuidanceCsv;
import io.hypermax.core.internal.guidance.GuidanceHistory;
import io.hypermax.core.stability.API;

/**
 * Hands validated guidance to the search of a results directory, from another process or thread
 * ({@code hypermax guide}, the web dashboard). While a search runs it holds the directory's lock; the
 * request then goes to its {@link GuidanceInbox}, applied from its next suggestion. A stopped search has
 * the request written to its journal directly (and {@code guidance.csv} rewritten), in force when it resumes.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class GuidanceDelivery {
  /** Where a request went. */
  public enum Route {
    /** appended to the inbox of the running search */
    INBOX,
    /** recorded in the stopped search's journal */
    JOURNAL
  }

  /** What is in force in a stored study, and what was sent but not yet applied by the search. */
  public record Status(Guidance.State state, List<GuidanceEvent> pending) {}

  private GuidanceDelivery() {}

  /**
   * Delivers {@code events} (already {@link Guidance#validate validated}) to the search in {@code dir}.
   *
   * @throws UncheckedIOException naming the file that could not be written
   * @throws ConfigException when the directory cannot be locked for another reason than a running search
   */
  public static Route deliver(Path dir, List<GuidanceEvent> events) {
    DirectoryLock lock;
    try {
      lock = DirectoryLock.acquire(dir);
    } catch (DirectoryInUseException running) {
      GuidanceInbox.send(dir, events); // one write: the search applies them together
      return Route.INBOX;
    }
    try (lock) {
      // Inbox lines the search never picked up (it had stopped) were sent before these: journal them first,
      // so a resume applies everything in the order it was given.
      List<GuidanceEvent> missed = unapplied(dir, Journal.read(dir));
      Journal journal = Journal.open(dir, FsyncPolicy.EVERY_TRIAL, m -> {});
      try (journal) {
        for (GuidanceEvent ev : missed) {
          journal.recordCustom(ev.toJson());
        }
        for (GuidanceEvent ev : events) {
          journal.recordCustom(ev.toJson());
        }
      }
      try {
        GuidanceCsv.write(dir, GuidanceHistory.of(Journal.read(dir)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + dir.resolve(GuidanceCsv.FILE_NAME) + ": " + e.getMessage(), e);
      }
    }
    return Route.JOURNAL;
  }

  /**
   * The guidance in force in {@code stored} (the journal of {@code dir}), applied as the search applies it: a record
   * that no longer fits {@code space} is skipped; and the inbox requests the search has not applied yet ({@code dir}
   * null: a study without a results directory, no inbox).
   */
  public static Status status(Path dir, StoredStudy stored, SearchSpace space) {
    Guidance g = new Guidance();
    for (GuidanceEvent e : GuidanceHistory.of(stored)) {
      try {
        g.apply(Guidance.validate(e, space));
      } catch (IllegalArgumentException ignored) {
        // not applied by the search either
      }
    }
    return new Status(g.state(), dir == null ? List.of() : unapplied(dir, stored));
  }

  /** The inbox requests of {@code dir} whose ids are not among the guidance records of {@code stored}, in order. */
  private static List<GuidanceEvent> unapplied(Path dir, StoredStudy stored) {
    java.util.Set<String> journaled = new java.util.HashSet<>();
    for (GuidanceEvent e : GuidanceHistory.of(stored)) {
      journaled.add(e.id());
    }
    List<GuidanceEvent> pending = new java.util.ArrayList<>(new GuidanceInbox(dir, m -> {}).poll(true));
    pending.removeIf(e -> journaled.contains(e.id()));
    return pending;
  }
}
