package io.hypermax.executors.internal.ssh;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether rsync runs on this machine, asked at the first sync and kept for the JVM. Only a definite answer is
 * kept (rsync answered {@code --version}, or no folder of {@code PATH} has one): a probe that was interrupted,
 * or could not start a process for a passing reason, is asked again at the next sync instead of leaving every
 * later sync on SFTP; after {@link #MAX_UNKNOWN} undecided probes in a row rsync counts as missing (one that is on
 * PATH but can never start, e.g. without execute permission for this user, would otherwise be asked forever).
 */
final class LocalRsync {
  /** What a probe found out. */
  enum Answer {
    WORKS,
    MISSING,
    /** the probe could not tell (it is asked again) */
    UNKNOWN
  }

  /** One look at this machine. */
  interface Probe {
    Answer ask() throws InterruptedException;
  }

  /** This machine's rsync, looked up on the JVM's {@code PATH} (where {@link ProcessBuilder} finds it). */
  static final LocalRsync MACHINE = new LocalRsync(() -> probe(System.getenv("PATH")));

  /** Undecided probes in a row after which rsync counts as missing. */
  static final int MAX_UNKNOWN = 3;

  private final Probe probe;
  private volatile Answer known;
  private int unknownInARow;

  LocalRsync(Probe probe) {
    this.probe = probe;
  }

  /** The kept answer, else a new probe's; an interrupted probe throws and keeps nothing. */
  synchronized Answer answer() throws InterruptedException {
    Answer a = known;
    if (a == null) {
      a = probe.ask();
      if (a == Answer.UNKNOWN && ++unknownInARow >= MAX_UNKNOWN) {
        a = Answer.MISSING;
      }
      if (a != Answer.UNKNOWN) {
        known = a;
      }
    }
    return a;
  }

  /** Runs {@code rsync --version} when some folder of {@code searchPath} (null: unknown) has an rsync. */
  static Answer probe(String searchPath) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("the rsync probe was interrupted before it started");
    }
    if (searchPath != null && !onPath("rsync", searchPath)) {
      return Answer.MISSING;
    }
    Process p;
    try {
      p = new ProcessBuilder("rsync", "--version").redirectErrorStream(true).start();
    } catch (IOException e) {
      return Answer.UNKNOWN; // it is there, or PATH is unknown: out of processes or memory says nothing about rsync
    }
    try {
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0 ? Answer.WORKS : Answer.MISSING;
    } catch (IOException e) {
      return Answer.UNKNOWN;
    } finally {
      p.destroy(); // still running only when interrupted or unreadable: it must not outlive the probe
    }
  }

  private static boolean onPath(String program, String searchPath) {
    for (String folder : searchPath.split(File.pathSeparator, -1)) {
      if (Files.isExecutable(Path.of(folder).resolve(program))) {
        return true;
      }
    }
    return false;
  }
}
