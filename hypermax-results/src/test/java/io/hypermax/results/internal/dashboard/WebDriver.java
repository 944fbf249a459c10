package io.hypermax.results.internal.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Just enough of the W3C WebDriver protocol to drive headless Chromium through Debian's chromedriver, spoken with
 * the JDK's HTTP client (no Selenium dependency): open a page, run a script, take a screenshot, read the console.
 */
final class WebDriver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String session;

  static String find(String name) {
    for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(p, name))) {
        return Path.of(p, name).toString();
      }
    }
    return null;
  }

  WebDriver(String chromedriver, String chromium, Path profile, Path log) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    driver = new ProcessBuilder(chromedriver, "--port=" + port, "--allowed-ips=127.0.0.1")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    base = "http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          break;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException("chromedriver did not start within 30 s; see " + log);
      }
      Thread.sleep(100);
    }
    ObjectNode caps = JSON.createObjectNode();
    ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
    always.put("browserName", "chrome");
    ObjectNode chrome = always.putObject("goog:chromeOptions");
    chrome.put("binary", chromium);
    ArrayNode args = chrome.putArray("args");
    List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1300,900",
        "--user-data-dir=" + profile).forEach(args::add);
    always.putObject("goog:loggingPrefs").put("browser", "ALL");
    JsonNode created = call("POST", "/session", caps);
    session = created.get("sessionId").asText();
  }

  private JsonNode call(String method, String path, JsonNode body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode v = JSON.readTree(r.body()).get("value");
    if (r.statusCode() != 200) {
      throw new IllegalStateException("webdriver " + method + " " + path + ": HTTP " + r.statusCode() + " " + v);
    }
    return v;
  }

  void open(String url) throws Exception {
    call("POST", "/session/" + session + "/url", JSON.createObjectNode().put("url", url));
  }

  /** Runs {@code script} (a function body; use return) in the page and returns its value. */
  JsonNode script(String script) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("script", script);
    body.putArray("args");
    return call("POST", "/session/" + session + "/execute/sync", body);
  }

  /** Polls {@code condition} (a script returning true) until it holds or the timeout passes; returns whether it held. */
  boolean await(String condition, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (script(condition).asBoolean(false)) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  void screenshot(Path png) throws Exception {
    Files.write(png, Base64.getDecoder().decode(call("GET", "/session/" + session + "/screenshot", null).asText()));
  }

  /** Console messages of level SEVERE (script errors, failed loads) since the last call. */
  List<String> severeConsole() throws Exception {
    JsonNode entries = call("POST", "/session/" + session + "/se/log", JSON.createObjectNode().put("type", "browser"));
    java.util.List<String> out = new java.util.ArrayList<>();
    entries.forEach(e -> {
      if ("SEVERE".equals(e.path("level").asText())) {
        out.add(e.path("message").asText());
      }
    });
    return out;
  }

  @Override
  public void close() throws Exception {
    try {
      if (session != null) {
        call("DELETE", "/session/" + session, null);
      }
    } catch (Exception e) {
      // the browser is gone already
    } finally {
      driver.descendants().forEach(ProcessHandle::destroy);
      driver.destroy();
      if (!driver.waitFor(10, TimeUnit.SECONDS)) {
        driver.descendants().forEach(ProcessHandle::destroyForcibly);
        driver.destroyForcibly();
      }
    }
  }
}
