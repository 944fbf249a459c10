package io.hypermax.core.internal.run;

import io.hypermax.core.contract.SharedStorageContract;
import io.hypermax.core.storage.SharedStudyStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The core tests' shared storage keeps the shared storage contract, with incremental reads and with the SPI's default. */
class InMemorySharedStorageContractTest extends SharedStorageContract {
  private InMemorySharedStorage storage;

  @BeforeEach
  void fresh() {
    storage = new InMemorySharedStorage();
  }

  @Override
  protected SharedStudyStorage open() {
    return storage; // every worker's handle is the one study
  }

  /** {@code curvesSince} left to the SPI's default: a whole load() per read, answered as complete. */
  @Nested
  class ReadingWholeStudies extends SharedStorageContract {
    private InMemorySharedStorage whole;

    @BeforeEach
    void fresh() {
      whole = InMemorySharedStorage.readingWholeStudies();
    }

    @Override
    protected SharedStudyStorage open() {
      return whole;
    }
  }
}
