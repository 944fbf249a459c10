package io.hypermax.core.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hypermax.core.config.ConfigException;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.storage.FsyncPolicy;
import io.hypermax.core.storage.JournalFile;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.study.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import io.hypermax.core.stability.API;

/**
 * The one class that owns a study's directory (a CLI results directory or a tuner project): claiming
 * a new one, resuming one, locking it, refusing symbolic links, sweeping temporary folders left by a
 * killed search, the configuration copy, and reading what its journal holds. Every way of starting a
 * study goes through here, so resume rules exist once.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class StudyDirectory implements AutoCloseable {
  public static final String CONFIG_COPY = "search.json";
  /** Trials' temporary folders live here, so the next start can sweep those a killed search left. */
  public static final String TRIAL_TEMP = ".trial-tmp";
  /** Files a resume reads or appends to: none may be a symbolic link. */
  private static final List<String> GUARDED =
      List.of(Journal.FILE_NAME, DirectoryLock.FILE_NAME, CONFIG_COPY, "results.csv", "best.json");
  /** What hypermax creates in a directory before its first trial: a directory holding only these may start afresh. */
  private static final Set<String> CREATED_BEFORE_FIRST_TRIAL =
      Set.of(Journal.FILE_NAME, DirectoryLock.FILE_NAME, CONFIG_COPY, TRIAL_TEMP, "logs");

  private final Path path;
  private final DirectoryLock lock;
  private final Journal journal;
  private final StoredStudy stored;

  private StudyDirectory(Path path, DirectoryLock lock, Journal journal, StoredStudy stored) {
    this.path = path;
    this.lock = lock;
    this.journal = journal;
    this.stored = stored;
  }

  /**
   * Claims the first free {@code <base>_<N>} under {@code workingDirectory} with an atomic mkdir (the
   * next N when another search took it first), locks it and opens its journal.
   *
   * @param configError turns a problem with the directory into an error naming the config key
   */
  public static StudyDirectory createNew(
      Path workingDirectory, String base, FsyncPolicy fsync, Consumer<String> warn, java.util.function.Function<String, RuntimeException> configError) {
    while (true) {
      Path dir = ResultsDirectories.next(workingDirectory, base).toAbsolutePath().normalize();
      try {
        if (dir.getParent() != null) {
          Files.createDirectories(dir.getParent());
        }
        Files.createDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        if (Files.isDirectory(dir) && dir.toString().equals(e.getFile())) {
          continue; // claimed by another search a moment ago
        }
        throw configError.apply("cannot create the results directory " + dir + ": " + e.getFile() + " exists and is not a folder");
      } catch (IOException e) {
        throw configError.apply("cannot create the results directory " + dir + ": " + describe(e));
      }
      return open(dir, fsync, warn, false);
    }
  }

  /**
   * Creates exactly {@code directory} for a new search (the CLI's {@code --results DIR}) with an
   * atomic mkdir, locks it and opens its journal; a directory that already exists is refused.
   */
  public static StudyDirectory createExact(Path directory, FsyncPolicy fsync, Consumer<String> warn) {
    Path dir = directory.toAbsolutePath().normalize();
    try {
      if (dir.getParent() != null) {
        Files.createDirectories(dir.getParent());
      }
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException e) {
      throw new ConfigException(
          dir.toString(), "", "already exists; a new search needs a new results directory (to resume one, pass it as RESULTS_DIR)");
    } catch (IOException e) {
      throw new ConfigException(dir.toString(), "", "cannot create the results directory: " + describe(e));
    }
    return open(dir, fsync, warn, false);
  }

  /**
   * Resumes {@code directory}. A directory that hypermax created but that holds no trial yet (the
   * search was killed within milliseconds of starting) simply starts; any other directory without a
   * journal is refused, as is one whose journal, lock or result files are symbolic links.
   */
  public static StudyDirectory resume(Path directory, FsyncPolicy fsync, Consumer<String> warn) {
    Path dir = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(dir.toString(), "", "not a results directory to resume: it does not exist");
    }
    if (!Journal.exists(dir) && !onlyCreatedBeforeFirstTrial(dir)) {
      throw new ConfigException(dir.toString(), "", "not a results directory to resume: it has no " + Journal.FILE_NAME);
    }
    return open(dir, fsync, warn, false);
  }

  /** A tuner's project directory: resumed when it holds a journal (unless {@code overwrite}), otherwise created. */
  public static StudyDirectory openProject(Path directory, boolean overwrite, FsyncPolicy fsync, Consumer<String> warn) {
    Path dir = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare project directory " + dir + ": " + describe(e), e);
    }
    return open(dir, fsync, warn, overwrite);
  }

  private static StudyDirectory open(Path dir, FsyncPolicy fsync, Consumer<String> warn, boolean overwrite) {
    refuseSymlinks(dir);
    // Two searches in one directory would interleave their trials in one journal.
    DirectoryLock lock = DirectoryLock.acquire(dir);
    try {
      if (overwrite) {
        Files.deleteIfExists(dir.resolve(Journal.FILE_NAME));
      }
      sweepTrialTemp(dir, warn);
      StoredStudy stored = Journal.exists(dir) ? Journal.read(dir) : StoredStudy.EMPTY;
      stored.problems().forEach(warn);
      Journal journal = Journal.open(dir, fsync, warn);
      return new StudyDirectory(dir, lock, journal, stored);
    } catch (IOException e) {
      lock.close();
      throw new UncheckedIOException("cannot prepare " + dir + ": " + describe(e), e);
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  /** The journal of a directory, for reading only (results regeneration): no lock, no writes. */
  public static StoredStudy read(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    if (!Journal.exists(dir)) {
      throw new ConfigException(dir.toString(), "", "not a results directory: it has no " + Journal.FILE_NAME);
    }
    refuseSymlinks(dir);
    return Journal.read(dir);
  }

  private static void refuseSymlinks(Path dir) {
    for (String name : GUARDED) {
      Path f = dir.resolve(name);
      if (Files.isSymbolicLink(f)) {
        throw new ConfigException(
            f.toString(), "", "is a symbolic link; hypermax never follows links in a results directory (they could make it write"
                + " anywhere): replace it with the real file");
      }
    }
  }

  private static boolean onlyCreatedBeforeFirstTrial(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path e : entries) {
        if (!CREATED_BEFORE_FIRST_TRIAL.contains(e.getFileName().toString())) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Deletes trial temporary folders a killed search left behind: under our lock, nobody else uses them. */
  private static void sweepTrialTemp(Path dir, Consumer<String> warn) {
    Path temp = dir.resolve(TRIAL_TEMP);
    if (!Files.isDirectory(temp, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(temp)) {
      files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(temp)).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      warn.accept("could not remove stale trial folders in " + temp + ": " + e.getMessage());
    }
  }

  private static String describe(IOException e) {
    return e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
        ? fse.getReason() + " (" + fse.getFile() + ")"
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  public Path path() {
    return path;
  }

  /** Where trials' temporary folders go (swept at the next start). */
  public Path trialTemp() {
    return path.resolve(TRIAL_TEMP);
  }

  /** The journal, open for appending; the study built on it closes it. */
  public Journal journal() {
    return journal;
  }

  /** What the journal held when the directory was opened ({@link StoredStudy#EMPTY} for a new study). */
  public StoredStudy stored() {
    return stored;
  }

  /** Whether a study was recorded here before (a resume continues it). */
  public boolean hasStudy() {
    return stored.seed() != null || !stored.finished().isEmpty() || !stored.abandoned().isEmpty();
  }

  /**
   * Writes {@code search.json}; a study recorded here before keeps its original (the space it
   * searched), a directory left before its first trial gets the current config.
   */
  public void writeConfigCopy(JsonNode config) {
    Path copy = path.resolve(CONFIG_COPY);
    if (hasStudy() && Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.writeString(copy, JsonValues.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + copy + ": " + describe(e), e);
    }
  }

  /** The configuration copy, or null when there is none or it cannot be read. */
  public JsonNode configCopy() {
    Path copy = path.resolve(CONFIG_COPY);
    if (!Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      return JsonValues.MAPPER.readTree(copy.toFile());
    } catch (IOException e) {
      return null; // an unreadable copy is no reason to refuse the journal itself
    }
  }

  /**
   * A resumed study must search what it was started with: refuses when {@code recorded} (null: not
   * known) differs from {@code current}.
   *
   * @param error builds the one-line error naming what changed and where
   */
  public static void refuseChanged(JsonNode recorded, JsonNode current, java.util.function.Supplier<RuntimeException> error) {
    if (recorded != null && !recorded.equals(current)) {
      throw error.get();
    }
  }

  /**
   * Closes the directory and, when it holds no study and nothing but what hypermax made on opening it,
   * deletes it: a search refused before its first trial (a bad function section) leaves no empty directory.
   */
  public void closeAndDiscardIfUnused() {
    close();
    if (hasStudy() || Journal.read(path).seed() != null || !onlyCreatedBeforeFirstTrial(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // an empty directory left behind is harmless; it resumes as a fresh start
    }
  }

  /** Closes the journal (a last fsync) if the study has not, and releases the lock. */
  @Override
  public void close() {
    try {
      journal.close();
    } finally {
      lock.close();
    }
  }
}
