package io.hypermax.executors.internal.ssh;

import com.google.auto.service.AutoService;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.executors.internal.executable.Placeholders;
import io.hypermax.executors.internal.process.EnvironmentSetting;
import io.hypermax.executors.internal.process.KillLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * {@code function.type: ssh}: runs {@code command} (a shell command for the remote login shell)
 * once per trial on one of {@code hosts}, with the parameters as for {@code executable}: JSON on
 * stdin, the file in {@code HYPERMAX_PARAMS} and {@code {name}} placeholders, which are always
 * passed quoted. The result is read as for {@code executable}. See docs/executors.md.
 */
@AutoService(ExecutorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SshProvider implements ExecutorProvider {
  public static final String ID = "ssh";
  static final double DEFAULT_HOSTS_DOWN_TIMEOUT = 600;
  static final double DEFAULT_CONNECT_TIMEOUT = 10;

  private static final Set<String> KEYS = Set.of(
      "hosts", "command", "directory", "sync", "identity_file", "known_hosts", "strict_host_key_checking", "env",
      "connect_timeout", "hosts_down_timeout");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Runs a command per trial on a pool of hosts over ssh (host keys checked, fail-over, auto-kill).";
  }

  @Override
  public Set<String> keys() {
    return KillLimits.withKillKeys(KEYS);
  }

  @Override
  public Executor create(Context context) {
    SshSettings settings = settings(context);
    // Without function.parallel the search runs one trial per slot (SshExecutor.preferredParallelism).
    return new SshExecutor(settings);
  }

  static SshSettings settings(Context context) {
    context.requireKnownKeys(KillLimits.withKillKeys(KEYS));
    ConfigNode function = context.function();
    String command = function.requireString("command");
    if (command.isBlank()) {
      throw function.get("command").error("must be a shell command to run on the hosts");
    }
    if (context.space() != null) {
      Placeholders.checkNames(List.of(command), context.space(), function.get("command"));
    }
    String checking = function.string("strict_host_key_checking", "yes");
    if (!checking.equals("yes") && !checking.equals("accept-new")) {
      throw function.get("strict_host_key_checking").error(
          "must be 'yes' (the default: the key must be in known_hosts) or 'accept-new' (add unknown hosts' keys,"
              + " refuse changed ones), found '" + checking + "'; host keys are always checked");
    }
    Map<String, String> env = EnvironmentSetting.read(function);
    for (String name : env.keySet()) {
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || name.startsWith(ShellText.VALUE_PREFIX)) {
        throw function.get("env").get(name).error("is not a variable name the remote shell accepts (letters, digits, _;"
            + " not starting with " + ShellText.VALUE_PREFIX + ")");
      }
    }
    Path identity = function.has("identity_file") ? localFile(context, function, "identity_file") : null;
    if (identity != null && !Files.isRegularFile(identity)) {
      throw function.get("identity_file").error("is not a file: " + identity);
    }
    Path knownHosts = function.has("known_hosts")
        ? localFile(context, function, "known_hosts")
        : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    return new SshSettings(
        hosts(function),
        command,
        function.has("directory") ? RemoteScripts.remotePath(function.requireString("directory")) : ".",
        sync(context, function),
        identity,
        knownHosts,
        checking.equals("accept-new"),
        env,
        KillLimits.forProcesses(function),
        (int) (seconds(function, "connect_timeout", DEFAULT_CONNECT_TIMEOUT) * 1000),
        15_000,
        seconds(function, "hosts_down_timeout", DEFAULT_HOSTS_DOWN_TIMEOUT));
  }

  private static List<SshHost> hosts(ConfigNode function) {
    ConfigNode node = function.get("hosts");
    if (node.isMissing()) {
      throw function.error("missing required key 'hosts' (e.g. hosts: [user@gpu1, user@gpu2:2222])");
    }
    if (!node.json().isArray() || node.size() == 0) {
      throw node.error("must be a non-empty list of hosts (user@host[:port] or {host, user, port, slots})");
    }
    String user = System.getProperty("user.name");
    List<SshHost> hosts = new ArrayList<>();
    for (ConfigNode element : node.elements()) {
      SshHost h = SshHost.parse(element, user);
      if (hosts.stream().anyMatch(o -> o.label().equals(h.label()))) {
        throw element.error("names " + h.label() + " twice; give it more slots instead");
      }
      hosts.add(h);
    }
    return hosts;
  }

  private static SshSettings.Sync sync(Context context, ConfigNode function) {
    ConfigNode sync = function.get("sync");
    if (sync.isMissing()) {
      return null;
    }
    sync.requireObject().requireKnownKeys(Set.of("from", "to", "method"));
    String method = sync.string("method", "auto");
    if (!Set.of("auto", "rsync", "sftp").contains(method)) {
      throw sync.get("method").error("must be auto (rsync where the host has it, else SFTP), rsync or sftp, found '" + method + "'");
    }
    Path from = localFile(context, sync, "from");
    if (!Files.isDirectory(from)) {
      throw sync.get("from").error("is not a folder: " + from);
    }
    String to = sync.requireString("to");
    if (to.isBlank()) {
      throw sync.get("to").error("must name a folder on the hosts");
    }
    return new SshSettings.Sync(from, RemoteScripts.remotePath(to), method);
  }

  private static Path localFile(Context context, ConfigNode node, String key) {
    String path = node.requireString(key);
    if (path.equals("~") || path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home")).resolve(path.substring(Math.min(2, path.length())));
    }
    return context.resolve(path);
  }

  private static double seconds(ConfigNode function, String key, double defaultValue) {
    double v = function.number(key, defaultValue);
    if (!(v > 0)) {
      throw function.get(key).error("must be a number of seconds greater than 0, found " + v);
    }
    return v;
  }
}
