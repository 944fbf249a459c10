package io.hypermax.executors.internal.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A refused {@code --storage} URL is named in its message with every password masked (no server needed). */
class PostgresUrlTest {
  @Test
  void aRefusedUrlNamesNoPasswordOfEitherForm() {
    IllegalArgumentException query = assertThrows(IllegalArgumentException.class,
        () -> PostgresUrl.parse("postgresql://u@h:5432/db?study=s&password=hunter2"));
    assertFalse(query.getMessage().contains("hunter2"), query.getMessage());
    assertTrue(query.getMessage().startsWith("--storage postgresql://u@h:5432/db?study=s&password=***: unknown parameter(s) [password]"),
        query.getMessage());
    IllegalArgumentException userInfo = assertThrows(IllegalArgumentException.class,
        () -> PostgresUrl.parse("postgresql://u:hunter2@h:5432/db"));
    assertEquals("--storage postgresql://u:***@h:5432/db: names no study (add ?study=name)", userInfo.getMessage());
  }
}
