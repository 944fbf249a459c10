package io.hypermax.core.internal.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/**
 * Every background thread of hypermax comes from here: a daemon, named, at the priority asked for, whatever the
 * thread that creates it (a low-priority caller's priority is not inherited, as {@code new Thread} would do).
 */
class DaemonThreadsTest {
  @Test
  void threadsAreNamedDaemonsAtTheirOwnPriorityWhoeverCreatesThem() throws Exception {
    List<Thread> made = new ArrayList<>();
    ThreadFactory numbered = DaemonThreads.numbered("hypermax-test-", Thread.NORM_PRIORITY);
    Thread creator = new Thread(() -> {
      made.add(DaemonThreads.daemon(() -> {}, "hypermax-one", Thread.NORM_PRIORITY));
      made.add(DaemonThreads.named("hypermax-named", Thread.MAX_PRIORITY).newThread(() -> {}));
      made.add(numbered.newThread(() -> {}));
      made.add(numbered.newThread(() -> {}));
    });
    creator.setDaemon(false);
    creator.setPriority(Thread.MIN_PRIORITY);
    creator.start();
    creator.join();
    assertEquals(List.of("hypermax-one", "hypermax-named", "hypermax-test-1", "hypermax-test-2"),
        made.stream().map(Thread::getName).toList());
    assertEquals(List.of(Thread.NORM_PRIORITY, Thread.MAX_PRIORITY, Thread.NORM_PRIORITY, Thread.NORM_PRIORITY),
        made.stream().map(Thread::getPriority).toList());
    made.forEach(t -> assertTrue(t.isDaemon(), t.getName() + " is a daemon though its creator was not"));
  }
}
