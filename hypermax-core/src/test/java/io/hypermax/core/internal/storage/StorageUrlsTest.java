package io.hypermax.core.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StorageUrlsTest {
  @Test
  void masksTheUserInfoPasswordAndAPasswordParameter() {
    assertEquals("postgresql://u:***@h:5432/db?study=s", StorageUrls.redact("postgresql://u:secret@h:5432/db?study=s"));
    assertEquals("postgresql://h/db?study=s&password=***", StorageUrls.redact("postgresql://h/db?study=s&password=secret"));
    assertEquals("postgresql://h/db?PASSWORD=***&study=s", StorageUrls.redact("postgresql://h/db?PASSWORD=secret&study=s"));
  }

  @Test
  void masksPasswordsTheUrlParserRefuses() {
    // Unencoded '@' or '/' in the password: exactly the URLs that end up in an error message.
    assertEquals("postgresql://u:***@host/db?study=s", StorageUrls.redact("postgresql://u:p@ss@host/db?study=s"));
    assertEquals("postgresql://u:***@host/db?study=s", StorageUrls.redact("postgresql://u:pa/ss@host/db?study=s"));
    assertEquals("postgresql://h/db?sslpassword=***&study=s",
        StorageUrls.redact("postgresql://h/db?sslpassword=secret&study=s"));
  }

  @Test
  void leavesAUrlWithoutAPasswordAsItIs() {
    assertEquals("postgresql://u@h/db?study=s", StorageUrls.redact("postgresql://u@h/db?study=s"));
    assertEquals("journal:/tmp/x", StorageUrls.redact("journal:/tmp/x"));
  }
}
