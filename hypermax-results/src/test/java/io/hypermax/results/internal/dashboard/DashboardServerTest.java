package io.hypermax.results.internal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard server over real HTTP on loopback: the token, the password, traversal attempts, and live events. */
class DashboardServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private DashboardServer serve(DashboardOptions options) {
    DashboardServer s = DashboardServer.start(new JournalFollower(dir), StudyWriter.SHAPE, RunningUsage.NONE, options);
    open.add(s);
    return s;
  }

  private StudyWriter writer(int trials) {
    StudyWriter w = new StudyWriter(dir);
    open.add(0, w);
    w.trials(0, trials);
    return w;
  }

  private HttpResponse<String> get(DashboardServer s, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request with its path sent byte for byte (HTTP clients normalize "..", a browser or curl --path-as-is may not). */
  private static String raw(DashboardServer s, String method, String path, String token) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", s.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AccessGuard.TOKEN_HEADER + ": " + token
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyRequestWithoutTheTokenGets401AndWithItGets200() throws Exception {
    writer(5);
    DashboardServer s = serve(DashboardOptions.loopback());
    assertTrue(s.url().startsWith("http://127.0.0.1:" + s.port() + "/?token="), s.url());
    assertTrue(s.token().length() >= 43, "256 random bits, base64url");
    String wrong = s.token().substring(0, s.token().length() - 1) + (s.token().endsWith("A") ? "B" : "A");
    for (String path : List.of("/", "/api/study", "/events", "/assets/dashboard.js", "/assets/echarts.min.js", "/api/trials/0",
        "/api/trials/0/log", "/nothing")) {
      assertEquals(401, get(s, path).statusCode(), path + " without a token");
      assertEquals(401, get(s, path, AccessGuard.TOKEN_HEADER, wrong).statusCode(), path + " with a wrong token");
      assertEquals(401, get(s, path + "?token=" + wrong).statusCode(), path + " with a wrong token in the query");
      assertEquals(401, get(s, path, "Cookie", "hypermax_token_" + s.port() + "=" + wrong).statusCode(), path + " with a wrong cookie");
    }
    HttpResponse<String> page = get(s, "/", AccessGuard.TOKEN_HEADER, s.token());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("hypermax dashboard"));
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    assertEquals(200, get(s, "/assets/echarts.min.js", AccessGuard.TOKEN_HEADER, s.token()).statusCode());
    HttpResponse<String> study = get(s, "/api/study", AccessGuard.TOKEN_HEADER, s.token());
    assertEquals(200, study.statusCode());
    JsonNode doc = JSON.readTree(study.body());
    assertEquals(5, doc.get("trials").size());
    assertEquals(5, doc.get("summary").get("complete").asInt());
    assertFalse(study.body().contains(s.token()), "the token is not in the document");
  }

  @Test
  void theFirstLoadMovesTheTokenFromTheAddressIntoAnHttpOnlyCookie() throws Exception {
    writer(2);
    DashboardServer s = serve(DashboardOptions.loopback());
    HttpResponse<String> first = get(s, "/?token=" + s.token());
    assertEquals(303, first.statusCode());
    assertEquals("/", first.headers().firstValue("Location").orElseThrow());
    String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    String pair = cookie.substring(0, cookie.indexOf(';'));
    assertEquals(200, get(s, "/api/study", "Cookie", pair).statusCode());
  }

  @Test
  void onlyLogsOfKnownTrialsAreServedAndTraversalIsRefused() throws Exception {
    writer(3);
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("trial_1.txt"), "epoch 1 loss 0.5\n");
    Files.createSymbolicLink(logs.resolve("trial_2.txt"), dir.resolve("journal.jsonl"));
    Files.writeString(logs.resolve("trial_7.txt"), "a log of a trial the study does not have\n");
    Files.writeString(dir.resolve("secret.txt"), "SECRET\n");
    DashboardServer s = serve(DashboardOptions.loopback());
    String t = s.token();
    HttpResponse<String> log = get(s, "/api/trials/1/log", AccessGuard.TOKEN_HEADER, t);
    assertEquals(200, log.statusCode());
    assertEquals("epoch 1 loss 0.5\n", log.body());
    assertTrue(JSON.readTree(get(s, "/api/trials/1", AccessGuard.TOKEN_HEADER, t).body()).get("hasLog").asBoolean());
    assertEquals(404, get(s, "/api/trials/0/log", AccessGuard.TOKEN_HEADER, t).statusCode(), "no log file");
    HttpResponse<String> link = get(s, "/api/trials/2/log", AccessGuard.TOKEN_HEADER, t);
    assertEquals(404, link.statusCode(), "a log that is a symbolic link is refused");
    assertFalse(link.body().contains("\"seed\""), link.body());
    assertEquals(404, get(s, "/api/trials/7/log", AccessGuard.TOKEN_HEADER, t).statusCode(), "trial 7 is not in the study");
    assertEquals(404, get(s, "/api/trials/7", AccessGuard.TOKEN_HEADER, t).statusCode());
    for (String path : List.of("/../secret.txt", "/assets/../secret.txt", "/assets/..%2f..%2fsecret.txt", "/%2e%2e/secret.txt",
        "/api/trials/1/../../../secret.txt", "/api/trials/1%2f..%2f..%2fsecret.txt/log", "/api/trials/-1/log",
        "/api/trials/1/log/../../../../secret.txt", "/logs/trial_1.txt", "/journal.jsonl", "/search.json",
        "/api/trials/99999999999/log", "//etc/passwd", "/assets/", "/assets/dashboard.js/..")) {
      String response = raw(s, "GET", path, t);
      assertFalse(response.contains("SECRET"), path + " leaked a file:\n" + response);
      assertFalse(response.contains("\"seed\""), path + " leaked the journal:\n" + response);
      assertTrue(response.startsWith("HTTP/1.1 404") || response.startsWith("HTTP/1.1 400"), path + ":\n" + response);
    }
    assertTrue(raw(s, "POST", "/api/study", t).startsWith("HTTP/1.1 405"), "the dashboard is read-only");
    assertTrue(raw(s, "GET", "/api/study", "x").startsWith("HTTP/1.1 401"));
  }

  /** Opens an event stream on a raw socket and returns it once the status line arrived. */
  private static Socket openStream(DashboardServer s) throws Exception {
    Socket socket = new Socket("127.0.0.1", s.port());
    socket.setSoTimeout(20_000);
    socket.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AccessGuard.TOKEN_HEADER + ": " + s.token()
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    StringBuilder status = new StringBuilder();
    int c;
    while ((c = socket.getInputStream().read()) != -1 && c != '\n') {
      status.append((char) c);
    }
    assertTrue(status.toString().startsWith("HTTP/1.1 200"), "stream opened: " + status);
    return socket;
  }

  @Test
  void pagesThatWereClosedGiveTheirEventStreamsBack() throws Exception {
    writer(2);
    DashboardServer s = serve(new DashboardOptions("127.0.0.1", 0, false, null, 100));
    List<Socket> pages = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      pages.add(openStream(s));
    }
    assertTrue(raw(s, "GET", "/events", s.token()).startsWith("HTTP/1.1 503"), "at most 8 open pages");
    for (Socket p : pages) {
      p.close(); // the browser tab is gone; the server notices at its next write (a keep-alive every 2 s)
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    String answer = "";
    while (System.nanoTime() < deadline) {
      try (Socket again = new Socket("127.0.0.1", s.port())) {
        again.setSoTimeout(20_000);
        again.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AccessGuard.TOKEN_HEADER + ": "
            + s.token() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] head = again.getInputStream().readNBytes(12);
        answer = new String(head, StandardCharsets.US_ASCII);
      }
      if (answer.startsWith("HTTP/1.1 200")) {
        break;
      }
      Thread.sleep(250);
    }
    assertTrue(answer.startsWith("HTTP/1.1 200"), "a new page gets a stream once the closed ones are noticed: " + answer);
  }

  @Test
  void theEventStreamDeliversATrialAnotherWriterAppends() throws Exception {
    StudyWriter w = writer(3);
    DashboardServer s = serve(new DashboardOptions("127.0.0.1", 0, false, null, 100));
    BlockingQueue<String> events = new ArrayBlockingQueue<>(100);
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/events"))
        .header(AccessGuard.TOKEN_HEADER, s.token()).build();
    HttpResponse<InputStream> stream = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, stream.statusCode());
    assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("data: ")) {
            events.add(line.substring(6));
          }
        }
      } catch (Exception e) {
        // the stream closed
      }
    });
    reader.setDaemon(true);
    reader.start();
    JsonNode firstEvent = JSON.readTree(events.poll(20, TimeUnit.SECONDS));
    assertEquals(3, firstEvent.get("finished").asInt(), "the current state on connect");
    var running = w.start(3);
    JsonNode started = JSON.readTree(events.poll(20, TimeUnit.SECONDS));
    assertEquals(1, started.get("running").asInt(), "a started trial is announced: " + started);
    w.finish(running);
    JsonNode finished = JSON.readTree(events.poll(20, TimeUnit.SECONDS));
    assertNotNull(finished, "an event within 20 s");
    assertEquals(4, finished.get("finished").asInt(), finished.toString());
    assertEquals("[3]", finished.get("newlyFinished").toString());
    JsonNode doc = JSON.readTree(get(s, "/api/study", AccessGuard.TOKEN_HEADER, s.token()).body());
    assertEquals(finished.get("version").asLong(), doc.get("version").asLong());
    assertEquals("complete", doc.get("trials").get(3).get("status").asText());
    w.intermediate(3, 1, 0.9);
    JsonNode curve = JSON.readTree(events.poll(20, TimeUnit.SECONDS));
    assertNotNull(curve);
    // The page draws learning curves from the study document's curves (thinned as report.html's are).
    JsonNode curve3 = null;
    for (JsonNode c : JSON.readTree(get(s, "/api/study", AccessGuard.TOKEN_HEADER, s.token()).body()).get("curves")) {
      curve3 = c.get("trial").asInt() == 3 ? c : curve3;
    }
    assertNotNull(curve3, "intermediate values reach the learning-curve chart");
    assertEquals("[1]", curve3.get("steps").toString(), "intermediate values reach the learning-curve chart");
    assertEquals("[0.9]", curve3.get("values").toString(), "intermediate values reach the learning-curve chart");
  }

  @Test
  void aPasswordIsAskedOnceByBasicAuthenticationThenASessionCookieIsUsed() throws Exception {
    writer(2);
    DashboardServer s = serve(new DashboardOptions("127.0.0.1", 0, false, PasswordHash.of("correct horse".toCharArray()), 500));
    HttpResponse<String> noPassword = get(s, "/api/study", AccessGuard.TOKEN_HEADER, s.token());
    assertEquals(401, noPassword.statusCode());
    assertTrue(noPassword.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    String bad = "Basic " + Base64.getEncoder().encodeToString("x:wrong".getBytes(StandardCharsets.UTF_8));
    assertEquals(401, get(s, "/api/study", AccessGuard.TOKEN_HEADER, s.token(), "Authorization", bad).statusCode());
    String good = "Basic " + Base64.getEncoder().encodeToString("x:correct horse".getBytes(StandardCharsets.UTF_8));
    assertEquals(401, get(s, "/api/study", "Authorization", good).statusCode(), "the password does not replace the token");
    HttpResponse<String> ok = get(s, "/api/study", AccessGuard.TOKEN_HEADER, s.token(), "Authorization", good);
    assertEquals(200, ok.statusCode());
    String session = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hypermax_session_")).findFirst().orElseThrow();
    String pair = session.substring(0, session.indexOf(';'));
    assertEquals(200, get(s, "/api/study", AccessGuard.TOKEN_HEADER, s.token(), "Cookie", pair).statusCode());
    assertEquals(401, get(s, "/api/study", AccessGuard.TOKEN_HEADER, s.token(), "Cookie", pair + "x").statusCode());
    assertFalse(PasswordHash.of("abc".toCharArray()).toString().contains("abc"));
  }

  @Test
  void aNonLoopbackAddressNeedsTheExplicitFlag() {
    writer(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> serve(new DashboardOptions("0.0.0.0", 0, false, null, 500)));
    assertTrue(e.getMessage().contains("--allow-remote"), e.getMessage());
  }
}
