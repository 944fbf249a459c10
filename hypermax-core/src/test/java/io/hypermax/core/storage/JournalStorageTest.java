package io.hypermax.core.storage;

import io.hypermax.core.contract.StorageContract;
import io.hypermax.core.study.Journal;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.io.TempDir;

/** The file journal keeps the storage contract, with both fsync policies. */
class JournalStorageTest extends StorageContract {
  @TempDir Path dir;

  @Override
  protected StudyStorage open() {
    return Journal.open(dir, FsyncPolicy.GROUP, m -> {
      throw new AssertionError(m);
    });
  }

  @Override
  protected boolean tearLastRecord() throws Exception {
    try (FileChannel c = FileChannel.open(dir.resolve(Journal.FILE_NAME), StandardOpenOption.WRITE)) {
      c.truncate(c.size() - 9); // the last line loses its end and its newline
    }
    return true;
  }
}
