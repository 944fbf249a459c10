package io.hypermax.results.internal.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may read the dashboard. Every request must carry the random token (256 bits from {@link SecureRandom}):
 * as {@code ?token=} on the first load (the server then sets an HttpOnly, SameSite=Strict cookie and redirects to
 * the same page without it, so the token does not stay in the address bar or history), as that cookie, or in the
 * {@code X-Hypermax-Token} header. With a password, the browser also sends it by HTTP Basic authentication once; a
 * random session cookie replaces it afterwards, so the slow hash runs once per browser, not per request. Tokens and
 * sessions are compared in constant time (sessions by their SHA-256, so a map lookup leaks nothing about them).
 */
final class AccessGuard {
  static final String TOKEN_HEADER = "X-Hypermax-Token";
  private static final SecureRandom RANDOM = new SecureRandom();

  enum Verdict { ALLOWED, NO_TOKEN, NO_PASSWORD }

  private final byte[] token;
  private final String tokenText;
  private final PasswordHash password;
  private final String tokenCookie;
  private final String sessionCookie;
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();

  /** @param port in the cookie names: cookies are not port-scoped, and two dashboards on one host must not mix */
  AccessGuard(PasswordHash password, int port) {
    this.tokenText = randomText();
    this.token = tokenText.getBytes(StandardCharsets.US_ASCII);
    this.password = password;
    this.tokenCookie = "hypermax_token_" + port;
    this.sessionCookie = "hypermax_session_" + port;
  }

  static String randomText() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  String token() {
    return tokenText;
  }

  boolean tokenInQuery(HttpExchange ex) {
    return queryToken(ex) != null;
  }

  Verdict check(HttpExchange ex) {
    if (!tokenMatches(ex)) {
      return Verdict.NO_TOKEN;
    }
    if (password == null) {
      return Verdict.ALLOWED;
    }
    String session = cookie(ex, sessionCookie);
    if (session != null && sessions.contains(sha256(session))) {
      return Verdict.ALLOWED;
    }
    String basic = basicPassword(ex);
    if (basic != null && password.matches(basic)) {
      String id = randomText();
      sessions.add(sha256(id));
      ex.getResponseHeaders().add("Set-Cookie", sessionCookie + "=" + id + "; Path=/; HttpOnly; SameSite=Strict");
      return Verdict.ALLOWED;
    }
    return Verdict.NO_PASSWORD;
  }

  /** Sets the token cookie (after a first load with {@code ?token=}). */
  void setTokenCookie(HttpExchange ex) {
    ex.getResponseHeaders().add("Set-Cookie", tokenCookie + "=" + tokenText + "; Path=/; HttpOnly; SameSite=Strict");
  }

  private boolean tokenMatches(HttpExchange ex) {
    for (String candidate : new String[] {queryToken(ex), ex.getRequestHeaders().getFirst(TOKEN_HEADER), cookie(ex, tokenCookie)}) {
      if (candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8))) {
        return true;
      }
    }
    return false;
  }

  private static String queryToken(HttpExchange ex) {
    String q = ex.getRequestURI().getRawQuery();
    if (q == null) {
      return null;
    }
    for (String part : q.split("&")) {
      if (part.startsWith("token=")) {
        return URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String cookie(HttpExchange ex, String name) {
    List<String> headers = ex.getRequestHeaders().get("Cookie");
    if (headers == null) {
      return null;
    }
    for (String h : headers) {
      for (String c : h.split(";")) {
        String s = c.trim();
        if (s.startsWith(name + "=")) {
          return s.substring(name.length() + 1);
        }
      }
    }
    return null;
  }

  private static String basicPassword(HttpExchange ex) {
    String h = ex.getRequestHeaders().getFirst("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(colon + 1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String sha256(String s) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
