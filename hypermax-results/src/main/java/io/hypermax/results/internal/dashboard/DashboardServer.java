package io.hypermax.results.internal.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.results.internal.web.WebAssets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.hypermax.core.stability.API;
import io.hypermax.results.internal.files.TrialLogs;

/**
 * The dashboard's HTTP server (the JDK's {@code com.sun.net.httpserver}, no dependency). A fixed table of GET routes,
 * matched on the raw path, so nothing in a request names a file: {@code /} the page, {@code /assets/*} its four
 * scripts and styles from the class path, {@code /api/study} the study document, {@code /api/trials/N} and
 * {@code /api/trials/N/log} one known trial, {@code /events} the server-sent events stream, {@code /api/session} the
 * page's CSRF token; and one POST route, {@code /api/guidance} ({@link GuidanceEndpoint}). Every request passes the
 * {@link AccessGuard} first. One thread polls the {@link StudySource}; when it changed, it rebuilds the document
 * once and wakes the event streams, which tell the page to fetch it.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class DashboardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  private static final Pattern TRIAL = Pattern.compile("/api/trials/(\\d{1,9})(/log)?");
  private static final int MAX_STREAMS = 8;
  // Short: a write is how a closed page is noticed, and each open stream holds one of MAX_STREAMS threads.
  private static final long KEEPALIVE_MILLIS = 2_000;
  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** What the poller last built: readers take the whole record, so they never see half an update. */
  private record Published(long version, byte[] json, StoredStudy stored, Map<Integer, Trial> trials, ObjectNode event) {}

  private final StudySource source;
  private final DashboardDocument.Shape shape;
  private final RunningUsage usage;
  private final DashboardOptions options;
  private final AccessGuard guard;
  private final TrialLogs logs;
  private final GuidanceEndpoint guidance;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final ScheduledExecutorService poller;
  private final AtomicInteger streams = new AtomicInteger();
  private final Map<String, byte[]> assets = new HashMap<>();
  private final Object signal = new Object();
  private volatile Published published;
  private volatile boolean closed;
  private StoredStudy lastRead;
  // The analysis of lastRead (without live usage) and its snapshot: redone only when the study changes.
  private ObjectNode lastBase;
  private StudySnapshot lastSnapshot;
  private long studyVersion;
  private String lastUsage = "";
  private String lastInbox = "";

  private DashboardServer(StudySource source, DashboardDocument.Shape shape, RunningUsage usage, DashboardOptions options)
      throws IOException {
    this.source = source;
    this.shape = shape;
    this.usage = usage;
    this.options = options;
    this.logs = new TrialLogs(source.logsDirectory().orElse(null));
    this.guidance = new GuidanceEndpoint(source.resultsDirectory().orElse(null), shape.space(),
        "guidance from the dashboard needs a results directory; this dashboard serves " + source.description()
            + " (a --storage study): steer it with hypermax guide RESULTS_DIR on the host running the search");
    InetAddress address = InetAddress.getByName(options.host());
    if (!address.isLoopbackAddress()) {
      if (!options.allowRemote()) {
        throw new IllegalArgumentException("the dashboard binds " + options.host()
            + ", which is not a loopback address: pass --allow-remote (ui.web_allow_remote: true) to allow it");
      }
      LOG.warn("the dashboard listens on {}, reachable from other hosts: anyone with the token{} can read the study; "
          + "traffic is not encrypted (plain HTTP)", options.host(), options.password() != null ? " and the password" : "");
    }
    this.server = HttpServer.create(new InetSocketAddress(address, options.port()), 16);
    this.guard = new AccessGuard(options.password(), server.getAddress().getPort());
    this.handlers = Executors.newFixedThreadPool(MAX_STREAMS + 4,
        io.hypermax.core.internal.concurrent.DaemonThreads.numbered("hypermax-dashboard-", Thread.NORM_PRIORITY));
    this.poller = Executors.newSingleThreadScheduledExecutor(
        io.hypermax.core.internal.concurrent.DaemonThreads.named("hypermax-dashboard-poll", Thread.NORM_PRIORITY));
    assets.put("/assets/echarts.min.js", WebAssets.echarts().getBytes(StandardCharsets.UTF_8));
    assets.put("/assets/hypermax-charts.js", WebAssets.chartsScript().getBytes(StandardCharsets.UTF_8));
    assets.put("/assets/dashboard.js", resource("dashboard.js"));
    assets.put("/assets/dashboard.css", resource("dashboard.css"));
    assets.put("/", resource("dashboard.html"));
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
  }

  /**
   * Starts serving {@code source}: reads it once (so the first page is complete), then polls it.
   *
   * @throws IllegalArgumentException for a non-loopback host without {@code allowRemote}, or a bad host
   */
  public static DashboardServer start(StudySource source, DashboardDocument.Shape shape, RunningUsage usage, DashboardOptions options) {
    DashboardServer s;
    try {
      s = new DashboardServer(source, shape, usage == null ? RunningUsage.NONE : usage, options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the dashboard on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
    }
    s.refresh();
    s.server.start();
    s.poller.scheduleWithFixedDelay(s::pollQuietly, options.pollMillis(), options.pollMillis(), TimeUnit.MILLISECONDS);
    return s;
  }

  private static byte[] resource(String name) {
    try (InputStream in = DashboardServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The address to open, with the token: print it to the user, never log it. */
  public String url() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return "http://" + host + ":" + port() + "/?token=" + guard.token();
  }

  public String token() {
    return guard.token();
  }

  /** The number of the current study document; it grows by one for every change the page is told about. */
  public long version() {
    return published.version();
  }

  private void pollQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.warn("dashboard: cannot read {}: {}", source.description(), e.getMessage());
    }
  }

  /** Reads the source and, when anything changed, publishes a new document and wakes the event streams. */
  synchronized void refresh() {
    StoredStudy stored = source.read();
    Map<Integer, io.hypermax.core.trial.ResourceUsage> live = usage.now();
    String liveKey = live.toString();
    String inboxKey = guidance.inboxKey();
    if (published != null && stored == lastRead && liveKey.equals(lastUsage) && inboxKey.equals(lastInbox)) {
      return;
    }
    if (stored != lastRead || lastBase == null) {
      lastSnapshot = DashboardDocument.snapshot(shape, stored);
      lastBase = DashboardDocument.of(lastSnapshot, stored);
      studyVersion++;
    }
    StudySnapshot snapshot = lastSnapshot;
    ObjectNode doc = DashboardDocument.withLive(lastBase, live);
    // The page redraws its charts only when this moves; live usage and guidance alone update the lighter panels.
    doc.put("studyVersion", studyVersion);
    doc.set("guidance", guidance.view(stored));
    long version = published == null ? 1 : published.version() + 1;
    doc.put("version", version);
    Map<Integer, Trial> trials = new HashMap<>();
    snapshot.trials().forEach(t -> trials.put(t.number(), t));
    ObjectNode event = JsonValues.MAPPER.createObjectNode();
    event.put("version", version);
    event.put("finished", snapshot.finishedCount());
    event.put("running", snapshot.running().size());
    Set<Integer> before = new HashSet<>();
    if (published != null) {
      published.trials().forEach((k, t) -> {
        if (t.isFinished()) {
          before.add(k);
        }
      });
    }
    ArrayNode added = event.putArray("newlyFinished");
    snapshot.finished().stream().map(Trial::number).filter(k -> !before.contains(k)).limit(1000).forEach(added::add);
    byte[] json;
    try {
      json = JsonValues.MAPPER.writeValueAsBytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lastRead = stored;
    lastUsage = liveKey;
    lastInbox = inboxKey;
    published = new Published(version, json, stored, trials, event);
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      var h = ex.getResponseHeaders();
      h.set("Cache-Control", "no-store");
      h.set("X-Content-Type-Options", "nosniff");
      h.set("X-Frame-Options", "DENY");
      h.set("Referrer-Policy", "no-referrer");
      h.set("Content-Security-Policy", CSP);
      AccessGuard.Verdict verdict = guard.check(ex);
      if (verdict == AccessGuard.Verdict.NO_TOKEN) {
        text(ex, 401, "401 Unauthorized: this dashboard needs its token; open the URL hypermax printed (…/?token=…)\n");
        return;
      }
      if (verdict == AccessGuard.Verdict.NO_PASSWORD) {
        h.set("WWW-Authenticate", "Basic realm=\"hypermax dashboard\", charset=\"UTF-8\"");
        text(ex, 401, "401 Unauthorized: this dashboard needs its password\n");
        return;
      }
      if (ex.getRequestURI().getRawPath().equals(GuidanceEndpoint.PATH)) {
        GuidanceEndpoint.Answer a = guidance.handle(ex);
        if (a.status() == 200) {
          refresh(); // the page sees the request as waiting (inbox) or in force (journal) without waiting for a poll
        }
        send(ex, a.status(), "application/json; charset=utf-8", JsonValues.MAPPER.writeValueAsBytes(a.body()));
        return;
      }
      if (!"GET".equals(ex.getRequestMethod())) {
        h.set("Allow", "GET");
        text(ex, 405, "405: only GET is served here (guidance is POST " + GuidanceEndpoint.PATH + ")\n");
        return;
      }
      route(ex, ex.getRequestURI().getRawPath());
    } catch (IOException e) {
      LOG.debug("dashboard request {} ended: {}", ex.getRequestURI().getRawPath(), e.getMessage());
    }
  }

  private void route(HttpExchange ex, String path) throws IOException {
    if (guard.tokenInQuery(ex) && path.equals("/")) {
      // first load: keep the token in a cookie, drop it from the address bar (and the history)
      guard.setTokenCookie(ex);
      ex.getResponseHeaders().set("Location", "/");
      ex.sendResponseHeaders(303, -1);
      return;
    }
    byte[] asset = assets.get(path);
    if (asset != null) {
      send(ex, 200, contentType(path), asset);
      return;
    }
    if (path.equals("/api/study")) {
      send(ex, 200, "application/json; charset=utf-8", published.json());
      return;
    }
    if (path.equals("/api/session")) {
      ObjectNode o = JsonValues.MAPPER.createObjectNode();
      o.put("csrf", guidance.csrfToken());
      send(ex, 200, "application/json; charset=utf-8", JsonValues.MAPPER.writeValueAsBytes(o));
      return;
    }
    if (path.equals("/events")) {
      events(ex);
      return;
    }
    Matcher m = TRIAL.matcher(path);
    if (m.matches()) {
      trial(ex, Integer.parseInt(m.group(1)), m.group(2) != null);
      return;
    }
    text(ex, 404, "404: no such page\n");
  }

  private void trial(HttpExchange ex, int number, boolean log) throws IOException {
    Published p = published;
    Trial t = p.trials().get(number);
    if (t == null) {
      text(ex, 404, "404: the study has no trial " + number + "\n");
      return;
    }
    if (log) {
      var tail = logs.tail(number);
      if (tail.isEmpty()) {
        text(ex, 404, "404: no log for trial " + number + "\n");
      } else {
        text(ex, 200, tail.get());
      }
      return;
    }
    ObjectNode o = DashboardDocument.trial(t, p.stored(), logs.file(number).isPresent());
    send(ex, 200, "application/json; charset=utf-8", JsonValues.MAPPER.writeValueAsBytes(o));
  }

  /** Server-sent events: one "update" event per new document, a comment every 2 s (keeps proxies from closing it, and frees the stream of a closed page within seconds). */
  private void events(HttpExchange ex) throws IOException {
    if (streams.incrementAndGet() > MAX_STREAMS) {
      streams.decrementAndGet();
      text(ex, 503, "503: too many open dashboard pages (at most " + MAX_STREAMS + ")\n");
      return;
    }
    try {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
      long sent = 0;
      while (!closed) {
        Published p = published;
        if (p.version() != sent) {
          sent = p.version();
          out.write(("event: update\ndata: " + JsonValues.MAPPER.writeValueAsString(p.event()) + "\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          continue;
        }
        synchronized (signal) {
          if (published.version() == sent && !closed) {
            signal.wait(KEEPALIVE_MILLIS);
          }
        }
        if (published.version() == sent) {
          out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      streams.decrementAndGet();
    }
  }

  private static String contentType(String path) {
    if (path.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (path.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "text/html; charset=utf-8";
  }

  private static void text(HttpExchange ex, int status, String body) throws IOException {
    send(ex, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (signal) {
      signal.notifyAll();
    }
    poller.shutdownNow();
    server.stop(0);
    handlers.shutdownNow();
    source.close();
  }
}
