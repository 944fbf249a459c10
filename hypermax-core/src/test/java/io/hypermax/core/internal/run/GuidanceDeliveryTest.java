package io.hypermax.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.guidance.GuidanceInbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where guidance goes is decided by why the lock was refused (its type), never by the words of a message. */
class GuidanceDeliveryTest {
  @TempDir Path tmp;

  @Test
  void aHeldLockSendsTheRequestToTheInboxOfTheRunningSearch() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("r"));
    try (DirectoryLock running = DirectoryLock.acquire(dir)) {
      assertEquals(GuidanceDelivery.Route.INBOX, GuidanceDelivery.deliver(dir, List.of(GuidanceEvent.unlock("act", "test"))));
    }
    assertEquals(1, new GuidanceInbox(dir, m -> {}).poll(true).size());
  }

  /** The directory's name holds the running-search wording, but its lock fails for another reason: not a running search. */
  @Test
  void aLockThatCannotBeTakenIsAnErrorEvenWhenTheDirectoryIsNamedLikeTheRunningSearchMessage() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("in use by another running hypermax search"));
    Files.createDirectory(dir.resolve(DirectoryLock.FILE_NAME)); // no lock file can be opened here
    ConfigException e =
        assertThrows(ConfigException.class, () -> GuidanceDelivery.deliver(dir, List.of(GuidanceEvent.unlock("act", "test"))));
    assertTrue(e.getMessage().contains("cannot lock the results directory"), e.getMessage());
    assertFalse(Files.exists(dir.resolve(GuidanceInbox.FILE_NAME)), "no search runs there to read an inbox");
  }
}
