package io.hypermax.results.internal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.guidance.GuidanceInbox;
import io.hypermax.core.internal.run.StudyDirectory;
import io.hypermax.core.internal.run.StudyFactory;
import io.hypermax.core.storage.FsyncPolicy;
import io.hypermax.core.storage.InMemoryStorage;
import io.hypermax.core.study.Journal;
import io.hypermax.core.study.PriorSampler;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guidance from the dashboard over real HTTP: only a POST with the token, the page's CSRF header and a same-origin
 * Origin is accepted; a request that does not fit the space gets 400 with the reason; a good one reaches the journal of
 * a stopped search, or the inbox of a running {@link Study}, which applies it to its later suggestions.
 */
class DashboardGuidanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private DashboardServer serve(StudySource source) {
    DashboardServer s = DashboardServer.start(source, StudyWriter.SHAPE, RunningUsage.NONE, new DashboardOptions("127.0.0.1", 0, false, null, 100));
    open.add(s);
    return s;
  }

  /** A results directory with 5 finished trials and no search running. */
  private Path stoppedStudy() {
    Path dir = tmp.resolve("stopped");
    try (StudyWriter w = new StudyWriter(dir)) {
      w.trials(0, 5);
    }
    return dir;
  }

  private String csrf(DashboardServer s) throws Exception {
    HttpResponse<String> r = send(s, HttpRequest.newBuilder(uri(s, "/api/session")).header(AccessGuard.TOKEN_HEADER, s.token()).GET());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("csrf").asText();
  }

  private static URI uri(DashboardServer s, String path) {
    return URI.create("http://127.0.0.1:" + s.port() + path);
  }

  private HttpResponse<String> send(DashboardServer s, HttpRequest.Builder b) throws Exception {
    return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A guidance POST as the page sends it: token cookie, CSRF header, same-origin Origin, a JSON body. */
  private HttpResponse<String> guide(DashboardServer s, String body) throws Exception {
    return send(s, pageRequest(s, csrf(s)).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder pageRequest(DashboardServer s, String csrf) {
    return HttpRequest.newBuilder(uri(s, GuidanceEndpoint.PATH))
        .header("Cookie", "hypermax_token_" + s.port() + "=" + s.token())
        .header(GuidanceEndpoint.CSRF_HEADER, csrf)
        .header("Origin", "http://127.0.0.1:" + s.port())
        .header("Sec-Fetch-Site", "same-origin")
        .header("Content-Type", "application/json");
  }

  private JsonNode study(DashboardServer s) throws Exception {
    return JSON.readTree(send(s, HttpRequest.newBuilder(uri(s, "/api/study")).header(AccessGuard.TOKEN_HEADER, s.token()).GET()).body());
  }

  private static String error(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body()).path("error").asText();
  }

  private static String raw(DashboardServer s, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", s.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void onlyASameOriginPostWithTheTokenAndTheCsrfHeaderIsAccepted() throws Exception {
    Path dir = stoppedStudy();
    DashboardServer s = serve(new JournalFollower(dir));
    String csrf = csrf(s);
    String lock = "{\"action\":\"lock\",\"param\":\"layers\",\"value\":3}";
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(lock);

    HttpResponse<String> noToken = send(s, HttpRequest.newBuilder(uri(s, GuidanceEndpoint.PATH))
        .header(GuidanceEndpoint.CSRF_HEADER, csrf).header("Origin", "http://127.0.0.1:" + s.port())
        .header("Content-Type", "application/json").POST(body));
    assertEquals(401, noToken.statusCode(), "no token");
    assertEquals(401, send(s, HttpRequest.newBuilder(uri(s, "/api/session")).GET()).statusCode(), "the CSRF token is not given without the token");

    HttpResponse<String> noCsrf = send(s, HttpRequest.newBuilder(uri(s, GuidanceEndpoint.PATH))
        .header("Cookie", "hypermax_token_" + s.port() + "=" + s.token()).header("Origin", "http://127.0.0.1:" + s.port())
        .header("Content-Type", "application/json").POST(body));
    assertEquals(403, noCsrf.statusCode(), "no CSRF header");
    assertTrue(error(noCsrf).contains(GuidanceEndpoint.CSRF_HEADER), noCsrf.body());
    assertEquals(403, send(s, pageRequest(s, csrf.substring(1) + "x").POST(body)).statusCode(), "a wrong CSRF token");
    HttpResponse<String> foreign = send(s, pageRequest(s, csrf).setHeader("Origin", "http://evil.example").POST(body));
    assertEquals(403, foreign.statusCode(), "a foreign Origin");
    assertTrue(error(foreign).contains("Origin http://evil.example"), foreign.body());
    assertEquals(403, send(s, pageRequest(s, csrf).setHeader("Sec-Fetch-Site", "cross-site").POST(body)).statusCode(), "cross-site fetch");
    // what a form on another site can make the browser send: the cookie, a foreign Origin, a form body, no custom header
    String form = "POST " + GuidanceEndpoint.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\nCookie: hypermax_token_" + s.port()
        + "=" + s.token() + "\r\nOrigin: http://evil.example\r\nSec-Fetch-Site: cross-site\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: 30\r\nConnection: close\r\n\r\naction=lock&param=layers&v=3xx";
    assertTrue(raw(s, form).startsWith("HTTP/1.1 403"), "a cross-site form post");
    assertEquals(415, send(s, pageRequest(s, csrf).setHeader("Content-Type", "text/plain").POST(body)).statusCode(), "not JSON");

    HttpResponse<String> get = send(s, pageRequest(s, csrf).GET());
    assertEquals(405, get.statusCode(), "GET to the action");
    assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
    assertEquals(405, send(s, pageRequest(s, csrf).PUT(body)).statusCode(), "PUT to the action");
    assertTrue(raw(s, "POST /api/study HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AccessGuard.TOKEN_HEADER + ": " + s.token()
        + "\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 405"), "other routes stay GET only");
    assertTrue(study(s).path("guidance").path("locks").isEmpty(), "nothing refused was applied");
    assertTrue(Journal.read(dir).customEvents().stream().noneMatch(GuidanceEvent::isGuidance), "nor journaled");
  }

  @Test
  void aRequestThatDoesNotFitTheSpaceGets400WithTheReason() throws Exception {
    DashboardServer s = serve(new JournalFollower(stoppedStudy()));
    HttpResponse<String> unknown = guide(s, "{\"action\":\"lock\",\"param\":\"depth\",\"value\":3}");
    assertEquals(400, unknown.statusCode());
    assertEquals("no parameter 'depth' in the search space (parameters: x, lr, layers, act)", error(unknown));
    HttpResponse<String> wide = guide(s, "{\"action\":\"narrow\",\"param\":\"layers\",\"min\":0,\"max\":20}");
    assertEquals(400, wide.statusCode());
    assertTrue(error(wide).startsWith("cannot narrow layers to [0.0, 20.0]: it must stay within its range"), wide.body());
    HttpResponse<String> category = guide(s, "{\"action\":\"lock\",\"param\":\"act\",\"value\":\"gelu\"}");
    assertEquals(400, category.statusCode());
    assertEquals("cannot lock act to 'gelu': it is one of [relu, tanh, sigmoid]", error(category));
    assertEquals("lock x needs a value: lock x=VALUE", error(guide(s, "{\"action\":\"lock\",\"param\":\"x\",\"value\":\"\"}")));
    assertEquals("unknown guidance action 'freeze' (use lock, unlock, scramble or narrow)",
        error(guide(s, "{\"action\":\"freeze\",\"param\":\"x\"}")));
    assertTrue(error(guide(s, "not json")).startsWith("the guidance request is not JSON"));
  }

  @Test
  void aLockForAStoppedSearchIsJournaledAndShownInForce() throws Exception {
    Path dir = stoppedStudy();
    DashboardServer s = serve(new JournalFollower(dir));
    HttpResponse<String> r = guide(s, "{\"action\":\"lock\",\"param\":\"layers\",\"value\":3}");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode answer = JSON.readTree(r.body());
    assertEquals("journal", answer.get("route").asText());
    assertEquals("recorded in the stopped search's journal: lock layers = 3 (in force when it resumes)", answer.get("message").asText());
    List<GuidanceEvent> journaled = io.hypermax.core.internal.guidance.GuidanceHistory.of(Journal.read(dir));
    assertEquals(1, journaled.size());
    assertEquals("web", journaled.get(0).source());
    assertEquals(3, journaled.get(0).value(), "typed as the function receives an integer");
    assertTrue(Files.readString(dir.resolve("guidance.csv")).contains(",web,lock,layers,3,,"), "guidance.csv rewritten as by hypermax guide");
    assertEquals(200, guide(s, "{\"action\":\"narrow\",\"param\":\"lr\",\"min\":\"0.001\",\"max\":\"0.1\"}").statusCode());
    JsonNode g = awaitGuidance(s, "narrowed", "lr");
    assertEquals(3, g.path("locks").path("layers").asInt());
    assertEquals(0.001, g.path("narrowed").path("lr").get(0).asDouble());
    assertEquals(2, g.path("history").size());
    assertEquals(200, guide(s, "{\"action\":\"unlock\",\"param\":\"layers\"}").statusCode());
    assertTrue(awaitUnlocked(s), "the unlock is in force");
  }

  private boolean awaitUnlocked(DashboardServer s) throws Exception {
    for (int i = 0; i < 200; i++) {
      if (study(s).path("guidance").path("locks").isEmpty()) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** Waits (up to 10 s) until the study document's guidance has {@code key}.{@code param}. */
  private JsonNode awaitGuidance(DashboardServer s, String key, String param) throws Exception {
    JsonNode g = null;
    for (int i = 0; i < 200; i++) {
      g = study(s).path("guidance");
      if (g.path(key).has(param)) {
        return g;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + key + " " + param + " in " + g);
  }

  @Test
  void aLockForARunningStudyGoesThroughItsInboxAndLaterSuggestionsFollowIt() throws Exception {
    Path dir = tmp.resolve("running");
    List<String> warnings = new ArrayList<>();
    Study study = StudyFactory.forSpace(StudyWriter.SPACE).optimizer(sp -> new PriorSampler()).seed(5L).iterations(100)
        .directory(StudyDirectory.createExact(dir, FsyncPolicy.GROUP, warnings::add)).warnings(warnings::add).build();
    open.add(study);
    for (int i = 0; i < 3; i++) {
      Trial t = study.ask();
      study.tell(t, 1.0);
    }
    DashboardServer s = serve(new JournalFollower(dir));
    HttpResponse<String> r = guide(s, "{\"action\":\"lock\",\"param\":\"act\",\"value\":\"tanh\"}");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("inbox", JSON.readTree(r.body()).get("route").asText(), "the search holds the directory: its inbox");
    assertTrue(Files.readString(dir.resolve(GuidanceInbox.FILE_NAME)).contains("\"param\":\"act\""));
    JsonNode waiting = study(s).path("guidance");
    assertEquals("lock act = tanh", waiting.path("pending").path(0).asText(), "shown as waiting: " + waiting);
    assertTrue(waiting.path("locks").isEmpty(), "not in force before the search applies it");

    study.pollGuidance(true); // what the next ask does (at most every 200 ms)
    for (int i = 0; i < 10; i++) {
      Trial t = study.ask();
      assertEquals("tanh", t.parameters().get("act"), "trial " + t.number() + " follows the lock");
      study.tell(t, 1.0);
    }
    JsonNode inForce = awaitGuidance(s, "locks", "act");
    assertEquals("tanh", inForce.path("locks").path("act").asText());
    assertEquals(0, inForce.path("pending").size(), "applied, no longer waiting: " + inForce);
    assertEquals("web", inForce.path("history").path(0).path("source").asText());
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  @Test
  void aStorageStudyRefusesGuidanceWithAClearMessage() throws Exception {
    DashboardServer s = serve(new StorageSource(new InMemoryStorage(), "postgresql://hm@db:5432/hm?study=s1", null));
    HttpResponse<String> r = guide(s, "{\"action\":\"lock\",\"param\":\"layers\",\"value\":3}");
    assertEquals(409, r.statusCode(), r.body());
    assertTrue(error(r).contains("postgresql://hm@db:5432/hm?study=s1 (a --storage study)"), r.body());
    JsonNode g = study(s).path("guidance");
    assertTrue(!g.path("available").asBoolean() && g.path("refusal").asText().contains("hypermax guide"), g.toString());
  }
}
