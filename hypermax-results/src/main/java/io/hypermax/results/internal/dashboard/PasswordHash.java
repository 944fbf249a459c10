package io.hypermax.results.internal.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import io.hypermax.core.stability.API;

/**
 * A dashboard password kept only as a salted PBKDF2-HMAC-SHA256 hash: the clear text is dropped as soon as it is
 * hashed and never logged or printed. {@link #matches} compares in constant time.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class PasswordHash {
  private static final int ITERATIONS = 60_000;
  private final byte[] salt;
  private final byte[] hash;

  private PasswordHash(byte[] salt, byte[] hash) {
    this.salt = salt;
    this.hash = hash;
  }

  /** Hashes {@code password} with a fresh random salt and clears the array. */
  public static PasswordHash of(char[] password) {
    if (password.length == 0) {
      throw new IllegalArgumentException("the dashboard password is empty");
    }
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    try {
      return new PasswordHash(salt, derive(password, salt));
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
  }

  public boolean matches(String candidate) {
    char[] c = candidate.toCharArray();
    try {
      return MessageDigest.isEqual(hash, derive(c, salt));
    } finally {
      java.util.Arrays.fill(c, '\0');
    }
  }

  private static byte[] derive(char[] password, byte[] salt) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    } finally {
      spec.clearPassword();
    }
  }

  @Override
  public String toString() {
    return "PasswordHash[hidden]"; // never the hash or the salt either
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
