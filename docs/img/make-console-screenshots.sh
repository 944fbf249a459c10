#!/usr/bin/env bash
# Makes docs/img/console-overview.png, console-trials.png, console-guidance.png and console-optimizer.png: runs the real CLI jar (built by
# `mvn verify`) with its console UI in tmux (a private socket, 120x36, TERM=xterm-256color), captures the pane with
# its colours (capture-pane -e), turns that into HTML (ansi2html.py) and renders it with headless Chromium.
# Usage: docs/img/make-console-screenshots.sh   (needs tmux, chromium, python3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$(ls "$root"/hypermax-cli/target/hypermax-cli-*-all.jar | head -n 1)"
work="$(mktemp -d)"
sock="hm-shots-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cat > "$work/search.yaml" <<'YAML'
hyperparameters:
  type: object
  properties:
    x: {type: number, min: -5, max: 5}
    y: {type: number, min: -5, max: 5}
    kind: {enum: [a, b]}
function:
  type: executable
  command: sh -c 'echo training x={x}; sleep 0.4; awk -v x={x} -v y={y} "BEGIN{print (x-1)^2+(y+2)^2}"'
  parallel: 2
  auto_kill_max_time: 60
  auto_kill_loss: 1000
search:
  method: tpe
  iterations: 400
  seed: 3
results:
  graphs: false
YAML
tmux -L "$sock" new-session -d -x 120 -y 36 -e TERM=xterm-256color \
  "cd '$work' && java -jar '$jar' search.yaml --results out; exec sleep 600"
shot() { # name: capture the pane, render it
  tmux -L "$sock" capture-pane -e -p -t 0 > "$work/$1.ansi"
  python3 "$here/ansi2html.py" "$work/$1.ansi" "hypermax console UI: $1" > "$work/$1.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1040,660 \
    --screenshot="$here/console-$1.png" "file://$work/$1.html" 2>/dev/null
}
sleep 12
shot overview
tmux -L "$sock" send-keys -t 0 2
sleep 1.5
shot trials
tmux -L "$sock" send-keys -t 0 g
sleep 1
tmux -L "$sock" send-keys -t 0 l
sleep 1
tmux -L "$sock" send-keys -t 0 Enter
sleep 2
shot guidance
tmux -L "$sock" send-keys -t 0 Escape
sleep 0.5
tmux -L "$sock" send-keys -t 0 4
sleep 1.5
shot optimizer
tmux -L "$sock" send-keys -t 0 q
sleep 1
tmux -L "$sock" send-keys -t 0 s
sleep 3
