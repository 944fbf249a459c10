package io.hypermax.core.storage;

import io.hypermax.core.contract.StorageContract;
import io.hypermax.core.study.Journal;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The journal with {@code storage.fsync: every-trial} keeps the storage contract too. */
class JournalEveryTrialStorageTest extends StorageContract {
  @TempDir Path dir;

  @Override
  protected StudyStorage open() {
    return Journal.open(dir, FsyncPolicy.EVERY_TRIAL, m -> {});
  }
}
