package io.hypermax.executors.internal.ssh;

import java.util.List;
import java.util.Map;

/**
 * The shell code hypermax sends for a trial. It assumes a POSIX login shell and Linux tools
 * ({@code setsid}, {@code ps -o pgid}) on the remote. Everything variable is passed as a quoted
 * argument or environment variable; the scripts themselves are constants.
 *
 * <p>A trial lives in {@code $TMPDIR/<name>} (mode 700): {@code params.json}, {@code result.json},
 * {@code pid} (the trial's process group, which {@code setsid} makes its own). The trial's stdin is
 * the channel's: hypermax writes the parameters as one line and keeps it open; when the channel
 * closes (hypermax stopped, the connection dropped) a watchdog kills the whole process group, so a
 * lost connection leaves nothing running.
 */
final class RemoteScripts {
  // "kill -9 -PGID", not "kill -KILL -- -PGID": dash, Debian's sh, takes no "--".
  private static final String DIR = "d=\"${TMPDIR:-/tmp}/$1\"\n";

  private static final String TRIAL = DIR + """
      umask 077
      mkdir -- "$d" 2>/dev/null || { echo "hypermax: cannot create $d (or the trial was cancelled)" >&2; exit 125; }
      IFS= read -r params
      printf '%s' "$params" > "$d/params.json" || exit 125
      : > "$d/reply"
      umask 022
      cd -- "$2" || { echo "hypermax: cannot enter the folder $2" >&2; exit 126; }
      exec 3<&0
      HYPERMAX_PARAMS="$d/params.json" HYPERMAX_RESULT="$d/result.json" HYPERMAX_REPORT_REPLY="$d/reply" setsid -w sh -c \
        'echo $$ > "$1/pid.new" && mv -f "$1/pid.new" "$1/pid" && [ ! -e "$1/kill" ] && exec sh -c "$2"' \
        hypermax-job "$d" "$3" < "$d/params.json" 3<&- &
      job=$!
      ( read -r _ <&3; p=$(cat "$d/pid" 2>/dev/null) && kill -9 "-$p" 2>/dev/null ) &
      watch=$!
      exec 3<&-
      wait "$job"; rc=$?
      kill "$watch" 2>/dev/null
      p=$(cat "$d/pid" 2>/dev/null) && kill -9 "-$p" 2>/dev/null
      exit "$rc"
      """;

  /**
   * Streams samples of the trial's process group, one line each: "processes rss_kib" (plus the
   * machine's used KiB when $2 is 1), or "waiting" before the trial started. Sleeps the intervals
   * given after $2 in turn, the last one from then on (the local monitor's cadence). Ends when the
   * group is gone, when hypermax closes the channel (the next line cannot be written), or after a
   * minute without the trial's folder appearing.
   */
  private static final String SAMPLER = DIR + """
      sys=$2
      shift 2
      p=
      waited=0
      while :; do
        [ -n "$p" ] || p=$(cat "$d/pid" 2>/dev/null)
        if [ -n "$p" ]; then
          line=$(ps -A -o pgid= -o stat= -o rss= | awk -v g="$p" '$1==g && $2 !~ /^Z/ {s+=$3; n++} END {print n+0, s+0}')
          if [ "$sys" = 1 ]; then
            line="$line $(awk '/^MemTotal:/ {t=$2} /^MemAvailable:/ {a=$2} END {print t-a}' /proc/meminfo)"
          fi
          echo "$line" || exit 0
          case $line in "0 "*) exit 0 ;; esac
        else
          echo waiting || exit 0
          if [ ! -d "$d" ]; then waited=$((waited+1)); [ "$waited" -lt 600 ] || exit 0; fi
        fi
        [ "$#" -gt 1 ] && shift
        sleep "$1"
      done
      """;

  /**
   * Marks the trial cancelled (so a trial not yet started never starts), kills its process group,
   * waits up to 3 s for it to vanish and prints how many of its processes are left.
   */
  private static final String KILL = DIR + """
      mkdir -p -- "$d" 2>/dev/null; : > "$d/kill"
      p=$(cat "$d/pid" 2>/dev/null) || { echo 0; exit 0; }
      left() { ps -A -o pgid= -o stat= | awk -v g="$p" '$1==g && $2 !~ /^Z/ {n++} END {print n+0}'; }
      kill -9 "-$p" 2>/dev/null
      i=0
      while [ "$i" -lt 60 ] && [ "$(left)" != 0 ]; do sleep 0.05; i=$((i+1)); done
      left
      """;

  /** Appends $2 (a pruning decision, see docs/pruning.md) to the trial's reply file. */
  private static final String REPLY = DIR + """
      [ -d "$d" ] && printf '%s\\n' "$2" >> "$d/reply"
      """;

  /** SIGTERM to the trial's process group (a pruned trial that did not stop by itself); prints 1 if it was running. */
  private static final String TERM = DIR + """
      p=$(cat "$d/pid" 2>/dev/null) || { echo 0; exit 0; }
      kill -15 "-$p" 2>/dev/null && echo 1 || echo 0
      """;

  /** Prints the result file (if any) and removes the trial's folder. */
  private static final String CLEANUP = DIR + """
      cat -- "$d/result.json" 2>/dev/null
      rm -rf -- "$d"
      """;

  private RemoteScripts() {}

  /**
   * @param name the trial's folder name under $TMPDIR (hypermax-made, unique)
   * @param directory where the command runs; relative to the remote home
   * @param command the user's command with placeholders already turned into variable references
   * @param environment variables for the command: the placeholder values and the config's {@code env}
   */
  static String trial(String name, String directory, String command, Map<String, String> environment) {
    StringBuilder s = new StringBuilder("exec env");
    environment.forEach((k, v) -> s.append(' ').append(k).append('=').append(ShellText.quote(v)));
    s.append(" sh -c ").append(ShellText.quote(TRIAL)).append(" hypermax-trial");
    for (String arg : List.of(name, directory, command)) {
      s.append(' ').append(ShellText.quote(arg));
    }
    return s.toString();
  }

  /** @param intervalsSeconds the sleeps between samples, the last repeated */
  static String sampler(String name, boolean systemMemory, List<String> intervalsSeconds) {
    StringBuilder s = new StringBuilder(withName(SAMPLER, name)).append(systemMemory ? " 1" : " 0");
    intervalsSeconds.forEach(i -> s.append(' ').append(ShellText.quote(i)));
    return s.toString();
  }

  static String kill(String name) {
    return withName(KILL, name);
  }

  static String reply(String name, String line) {
    return withName(REPLY, name) + " " + ShellText.quote(line);
  }

  static String terminate(String name) {
    return withName(TERM, name);
  }

  static String cleanup(String name) {
    return withName(CLEANUP, name);
  }

  private static String withName(String script, String name) {
    return "sh -c " + ShellText.quote(script) + " hypermax " + ShellText.quote(name);
  }

  /** A local path of the config made relative to the remote home, where ssh sessions start: ~/x is x. */
  static String remotePath(String path) {
    if (path.equals("~")) {
      return ".";
    }
    return path.startsWith("~/") ? path.substring(2) : path;
  }
}
