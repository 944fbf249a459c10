package io.hypermax.executors.internal.storage.postgres;

import io.hypermax.core.contract.SharedStorageContract;
import io.hypermax.core.storage.SharedStudyStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** The core shared storage contract (the storage contract with {@code curvesSince}) on a real PostgreSQL 15 (a fresh study per test). */
@Tag("postgres")
class PostgresStorageContractTest extends SharedStorageContract {
  private static PostgresServer server;
  private static int counter;
  private String study;

  @BeforeAll
  static void start() throws Exception {
    server = PostgresServer.startOrSkip();
    server.createDatabase("contract");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void freshStudy() {
    study = "contract_" + (++counter);
  }

  @Override
  protected SharedStudyStorage open() {
    return new PostgresStorageProvider().open(server.url("contract", study, 60));
  }
}
