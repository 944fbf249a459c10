package io.hypermax.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hypermax.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results directory lock, as seen from this JVM and from another process (POSIX record locks, as Java takes them). */
class DirectoryLockTest {
  @TempDir Path dir;

  /** Exit 0 when another process can take the lock file's POSIX lock, 1 when it is held. */
  private int otherProcessLocks() throws Exception {
    Process p = new ProcessBuilder("python3", "-c",
        "import fcntl,sys\nf=open(sys.argv[1],'a')\ntry:\n fcntl.lockf(f, fcntl.LOCK_EX|fcntl.LOCK_NB)\nexcept OSError:\n sys.exit(1)",
        dir.resolve(DirectoryLock.FILE_NAME).toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return p.exitValue();
  }

  @Test
  void aSecondAcquireInTheSameJvmIsRefusedAndDoesNotDropTheFirstLock() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 checks the lock from another process");
    try (DirectoryLock first = DirectoryLock.acquire(dir)) {
      assertEquals(1, otherProcessLocks(), "held");
      for (int i = 0; i < 20; i++) {
        DirectoryInUseException e = assertThrows(DirectoryInUseException.class, () -> DirectoryLock.acquire(dir));
        assertEquals(dir, e.directory());
        assertEquals(dir + ": in use by another running hypermax search (it holds .lock); wait for it or pick another directory",
            e.getMessage(), "the message users see is unchanged");
      }
      System.gc(); // a descriptor opened and dropped by a refused acquire would release the lock when cleaned
      Thread.sleep(200);
      assertEquals(1, otherProcessLocks(), "still held after refused acquires in this JVM");
    }
    assertEquals(0, otherProcessLocks(), "released on close");
    try (DirectoryLock again = DirectoryLock.acquire(dir)) {
      assertEquals(1, otherProcessLocks(), "and can be taken again");
    }
  }

  @Test
  void aLockFileThatCannotBeOpenedIsAConfigErrorNotARunningSearch() throws Exception {
    Files.createDirectory(dir.resolve(DirectoryLock.FILE_NAME)); // a folder where the lock file belongs
    ConfigException e = assertThrows(ConfigException.class, () -> DirectoryLock.acquire(dir));
    assertFalse(e instanceof DirectoryInUseException, e.getMessage());
    assertTrue(e.getMessage().contains("cannot lock the results directory"), e.getMessage());
  }
}
