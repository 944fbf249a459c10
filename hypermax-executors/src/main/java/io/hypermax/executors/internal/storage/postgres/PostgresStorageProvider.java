package io.hypermax.executors.internal.storage.postgres;

import com.google.auto.service.AutoService;
import io.hypermax.core.internal.storage.StorageUrls;
import io.hypermax.core.spi.StorageProvider;
import io.hypermax.core.stability.API;

/** {@code --storage postgresql://user@host:port/db?study=name}. */
@AutoService(StorageProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class PostgresStorageProvider implements StorageProvider {
  @Override
  public String scheme() {
    return "postgresql";
  }

  @Override
  public String description() {
    return "A study in PostgreSQL, shared by many hypermax worker processes.";
  }

  @Override
  public PostgresStudyStorage open(String url) {
    return new PostgresStudyStorage(PostgresUrl.parse(url), StorageUrls.redact(url));
  }
}
