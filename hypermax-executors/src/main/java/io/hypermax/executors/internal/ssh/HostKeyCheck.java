package io.hypermax.executors.internal.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.nio.file.Path;

/**
 * Checks a host's key against known_hosts (JSch's parser: plain and hashed entries) and remembers
 * why a key was refused, so the error names the host and the key's fingerprint. With
 * {@code accept-new} an unknown host's key is added to known_hosts (as OpenSSH's option does); a
 * changed key is always refused.
 */
final class HostKeyCheck implements HostKeyRepository {
  private final HostKeyRepository known;
  private final JSch jsch;
  private final Path file;
  private final boolean acceptNew;
  private volatile String refusal;

  HostKeyCheck(JSch jsch, Path file, boolean acceptNew) {
    this.jsch = jsch;
    this.known = jsch.getHostKeyRepository();
    this.file = file;
    this.acceptNew = acceptNew;
  }

  /** Why the last key was refused, naming the host, key type and fingerprint; null when none was. */
  String refusal() {
    return refusal;
  }

  @Override
  public int check(String host, byte[] key) {
    int result = known.check(host, key);
    if (result == OK) {
      return OK;
    }
    String fingerprint;
    HostKey hostKey;
    try {
      hostKey = new HostKey(host, key);
      fingerprint = hostKey.getType() + " key " + hostKey.getFingerPrint(jsch);
    } catch (JSchException e) {
      refusal = "host " + host + " offered a key hypermax cannot read: " + e.getMessage();
      return result;
    }
    if (result == NOT_INCLUDED && acceptNew) {
      known.add(hostKey, null);
      return OK;
    }
    refusal = result == CHANGED
        ? "host " + host + " offered " + fingerprint + ", which is NOT the key " + file + " has for it: the host key"
            + " has changed (reinstalled machine, or someone intercepting the connection). Check it, then remove the"
            + " old entry with: ssh-keygen -f " + file + " -R '" + host + "'"
        : "host " + host + " is not in " + file + " (it offered " + fingerprint + "). Check the fingerprint, then add"
            + " it with: ssh-keyscan" + portOption(host) + " " + bareHost(host) + " >> " + file
            + " (or set strict_host_key_checking: accept-new)";
    return result;
  }

  private static String portOption(String host) {
    int i = host.lastIndexOf("]:");
    return host.startsWith("[") && i > 0 ? " -p " + host.substring(i + 2) : "";
  }

  private static String bareHost(String host) {
    int i = host.lastIndexOf("]:");
    return host.startsWith("[") && i > 0 ? host.substring(1, i) : host;
  }

  @Override
  public void add(HostKey hostkey, UserInfo ui) {
    known.add(hostkey, ui);
  }

  @Override
  public void remove(String host, String type) {
    known.remove(host, type);
  }

  @Override
  public void remove(String host, String type, byte[] key) {
    known.remove(host, type, key);
  }

  @Override
  public String getKnownHostsRepositoryID() {
    return known.getKnownHostsRepositoryID();
  }

  @Override
  public HostKey[] getHostKey() {
    return known.getHostKey();
  }

  @Override
  public HostKey[] getHostKey(String host, String type) {
    return known.getHostKey(host, type);
  }
}
