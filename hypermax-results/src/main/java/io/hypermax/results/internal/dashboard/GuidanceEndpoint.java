package io.hypermax.results.internal.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.guidance.Guidance;
import io.hypermax.core.guidance.GuidanceAction;
import io.hypermax.core.internal.run.GuidanceDelivery;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.guidance.GuidanceInbox;
import io.hypermax.core.guidance.GuidanceRequest;
import io.hypermax.core.space.ConstantDistribution;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.storage.StoredStudy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

/**
 * {@code POST /api/guidance}: human guidance from the page (lock, unlock, scramble, narrow), parsed and delivered by
 * the same {@link GuidanceRequest} and {@link GuidanceDelivery} as {@code hypermax guide}. The {@link AccessGuard}
 * has already checked the token. Because the token travels in a cookie, which a browser also attaches to a request
 * another site makes it send, a guidance request must in addition prove it comes from the dashboard's own page:
 * <ul>
 *   <li>the {@value #CSRF_HEADER} header with this server's random CSRF token, which only a page that could read
 *       {@code /api/session} knows (another site can make a browser send a request, not read the answer; and a
 *       custom header cannot be set cross-site without a CORS preflight, which this server never allows);
 *   <li>an {@code Origin} equal to {@code http://} + the request's {@code Host}, and a {@code Sec-Fetch-Site}, when
 *       the browser sends one, of {@code same-origin};
 *   <li>a JSON body (a form post from another site is neither).
 * </ul>
 * Answers are JSON: {@code {"ok":true,"message":…}} or {@code {"error":…}} with 400, 403, 405, 409, 413 or 415.
 */
final class GuidanceEndpoint {
  static final String PATH = "/api/guidance";
  static final String CSRF_HEADER = "X-Hypermax-CSRF";
  private static final int MAX_BODY = 8 * 1024;

  /** An answer to send: status and JSON body. */
  record Answer(int status, ObjectNode body) {}

  private final String csrf = AccessGuard.randomText();
  private final Path directory;
  private final SearchSpace space;
  private final String refusal;

  /**
   * @param directory the results directory to guide, or null when the source takes no guidance
   * @param refusal what to tell the page then (names the source)
   */
  GuidanceEndpoint(Path directory, SearchSpace space, String refusal) {
    this.directory = directory;
    this.space = space;
    this.refusal = refusal;
  }

  String csrfToken() {
    return csrf;
  }

  /** The guidance part of the study document: what is in force, what waits, the history, and whether the page may guide. */
  ObjectNode view(StoredStudy stored) {
    GuidanceDelivery.Status status = GuidanceDelivery.status(directory, stored, space);
    Guidance.State s = status.state();
    ObjectNode o = JsonValues.MAPPER.createObjectNode();
    o.put("available", directory != null);
    if (directory == null) {
      o.put("refusal", refusal);
    }
    ArrayNode params = o.putArray("parameters");
    for (Parameter p : space.parameters()) {
      if (!(p.distribution() instanceof ConstantDistribution)) {
        params.addObject().put("path", p.path()).put("range", p.distribution().describe())
            .put("number", p.distribution() instanceof NumberDistribution);
      }
    }
    ObjectNode locks = o.putObject("locks");
    s.locks().forEach((k, v) -> locks.set(k, JsonValues.MAPPER.valueToTree(v)));
    ArrayNode scrambled = o.putArray("scrambled");
    s.scrambled().forEach(scrambled::add);
    ObjectNode narrowed = o.putObject("narrowed");
    s.narrowed().forEach((k, v) -> narrowed.putArray(k).add(v[0]).add(v[1]));
    ArrayNode pending = o.putArray("pending");
    status.pending().forEach(e -> pending.add(e.describe()));
    ArrayNode history = o.putArray("history");
    List<GuidanceEvent> h = s.history();
    for (GuidanceEvent e : h.subList(Math.max(0, h.size() - 20), h.size())) {
      history.addObject().put("at", e.at().toString()).put("source", e.source()).put("what", e.describe());
    }
    return o;
  }

  /** What changes the view without changing the journal: the inbox growing. */
  String inboxKey() {
    if (directory == null) {
      return "";
    }
    try {
      Path f = directory.resolve(GuidanceInbox.FILE_NAME);
      return Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) ? String.valueOf(Files.size(f)) : "-";
    } catch (IOException e) {
      return "?";
    }
  }

  Answer handle(HttpExchange ex) throws IOException {
    if (!"POST".equals(ex.getRequestMethod())) {
      ex.getResponseHeaders().set("Allow", "POST");
      return error(405, "guidance is sent with POST only (from the dashboard page)");
    }
    String forbidden = crossSite(ex);
    if (forbidden != null) {
      return error(403, forbidden);
    }
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return error(415, "guidance must be a JSON body (Content-Type: application/json)");
    }
    if (directory == null) {
      return error(409, refusal);
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      return error(413, "a guidance request is at most " + MAX_BODY + " bytes");
    }
    GuidanceEvent event;
    try {
      event = parse(JsonValues.MAPPER.readTree(new String(body, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
    } catch (IOException e) {
      return error(400, "the guidance request is not JSON: " + e.getMessage());
    }
    GuidanceDelivery.Route route;
    try {
      route = GuidanceDelivery.deliver(directory, List.of(event));
    } catch (RuntimeException e) { // a file that cannot be written, a directory that cannot be locked
      return error(500, "the guidance was not delivered: " + e.getMessage());
    }
    ObjectNode ok = JsonValues.MAPPER.createObjectNode();
    ok.put("ok", true);
    ok.put("route", route == GuidanceDelivery.Route.INBOX ? "inbox" : "journal");
    ok.put("message", route == GuidanceDelivery.Route.INBOX
        ? "sent to the running search: " + event.describe() + " (applied from its next suggestion)"
        : "recorded in the stopped search's journal: " + event.describe() + " (in force when it resumes)");
    ok.set("event", event.toJson());
    return new Answer(200, ok);
  }

  /** Why this request may come from another site, or null when it comes from the dashboard's own page. */
  private String crossSite(HttpExchange ex) {
    var h = ex.getRequestHeaders();
    String sent = h.getFirst(CSRF_HEADER);
    if (sent == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
      return "guidance needs the " + CSRF_HEADER + " header the dashboard page sends (missing or wrong): "
          + "requests from other sites are refused";
    }
    String origin = h.getFirst("Origin");
    String host = h.getFirst("Host");
    if (origin == null || host == null || !origin.equals("http://" + host)) {
      return "guidance is accepted only from the dashboard's own page (Origin " + origin + " is not http://" + host + ")";
    }
    String site = h.getFirst("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin")) {
      return "guidance is accepted only from the dashboard's own page (Sec-Fetch-Site: " + site + ")";
    }
    return null;
  }

  /** {@code {"action":"lock","param":"lr","value":0.01}}, {@code {"action":"narrow","param":"lr","min":…,"max":…}}. */
  private GuidanceEvent parse(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("the guidance request must be a JSON object with \"action\" and \"param\"");
    }
    String word = text(n, "action");
    String param = text(n, "param");
    if (word == null || param == null || param.isBlank()) {
      throw new IllegalArgumentException("the guidance request needs \"action\" (lock, unlock, scramble, narrow) and \"param\"");
    }
    GuidanceAction action = GuidanceAction.parse(word);
    String target = switch (action) {
      case LOCK -> param + (text(n, "value") == null ? "" : "=" + text(n, "value"));
      case NARROW -> param + (text(n, "min") == null && text(n, "max") == null ? ""
          : "=" + nonNull(text(n, "min"), "min") + ":" + nonNull(text(n, "max"), "max"));
      default -> param;
    };
    return GuidanceRequest.parse(space, action, target, "web");
  }

  private static String nonNull(String v, String key) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("narrow needs both \"min\" and \"max\" (\"" + key + "\" is missing)");
    }
    return v.trim();
  }

  /** A field as the text a person typed: a string as is, a number or boolean as written; absent or null: null. */
  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isContainerNode()) {
      throw new IllegalArgumentException("\"" + key + "\" must be a single value");
    }
    return v.asText();
  }

  private static Answer error(int status, String message) {
    ObjectNode o = JsonValues.MAPPER.createObjectNode();
    o.put("error", message);
    return new Answer(status, o);
  }
}
