package io.hypermax.core.storage;

import io.hypermax.core.contract.StorageContract;
import org.junit.jupiter.api.BeforeEach;

/** The in-memory backend keeps the storage contract (reopening returns the same instance). */
class InMemoryStorageTest extends StorageContract {
  private InMemoryStorage storage;

  @BeforeEach
  void fresh() {
    storage = new InMemoryStorage();
  }

  @Override
  protected StudyStorage open() {
    return storage;
  }
}
