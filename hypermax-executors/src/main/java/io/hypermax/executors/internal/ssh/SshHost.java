package io.hypermax.executors.internal.ssh;

import io.hypermax.core.config.ConfigNode;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code hosts}: {@code user@host:port} (user and port optional) or
 * {@code {host, user, port, slots}}. {@code slots} is how many trials it runs at once.
 */
record SshHost(String user, String host, int port, int slots) {
  private static final Pattern SPEC = Pattern.compile("(?:([^@\\s]+)@)?([^@:\\s\\[\\]]+|\\[[^\\]]+\\])(?::(\\d+))?");

  /** How the host is named in messages and in results.csv: {@code user@host:port}. */
  String label() {
    return user + "@" + host + (port == 22 ? "" : ":" + port);
  }

  static SshHost parse(ConfigNode node, String defaultUser) {
    if (node.json().isTextual()) {
      return fromText(node, node.json().asText(), defaultUser, 1);
    }
    if (!node.isObject()) {
      throw node.error("must be user@host[:port] or an object {host, user, port, slots}, found " + ConfigNode.describe(node.json()));
    }
    node.requireKnownKeys(Set.of("host", "user", "port", "slots"));
    SshHost base = fromText(node.get("host"), node.requireString("host"), defaultUser, 1);
    String user = node.has("user") ? node.requireString("user") : base.user();
    int port = node.has("port") ? node.positiveInteger("port", 22) : base.port();
    if (port > 65535) {
      throw node.get("port").error("must be a port number (1-65535), found " + port);
    }
    return new SshHost(user, base.host(), port, node.positiveInteger("slots", 1));
  }

  private static SshHost fromText(ConfigNode node, String text, String defaultUser, int slots) {
    Matcher m = SPEC.matcher(text.strip());
    if (!m.matches()) {
      throw node.error("is not user@host[:port]: '" + text + "'");
    }
    String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
    int port = m.group(3) == null ? 22 : Integer.parseInt(m.group(3));
    if (port < 1 || port > 65535) {
      throw node.error("has no valid port (1-65535): '" + text + "'");
    }
    return new SshHost(m.group(1) == null ? defaultUser : m.group(1), host, port, slots);
  }
}
