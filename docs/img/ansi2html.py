#!/usr/bin/env python3
"""Turns a `tmux capture-pane -e -p` capture (text with SGR colour codes) into an HTML page that looks like the
terminal, for docs/img/console-*.png (make-console-screenshots.sh renders it with headless Chromium)."""
import html
import re
import sys

BASE = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
        "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"]


def color256(n):
    if n < 16:
        return BASE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    g = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (g, g, g)


def convert(text, title):
    fg_default, bg_default = "#e5e5e5", "#1e1e1e"
    state = {"fg": None, "bg": None, "bold": False, "rev": False}
    out = []

    def sgr(params):
        p = [int(x) if x else 0 for x in params.split(";")] if params else [0]
        i = 0
        while i < len(p):
            c = p[i]
            if c == 0:
                state.update(fg=None, bg=None, bold=False, rev=False)
            elif c == 1:
                state["bold"] = True
            elif c == 22:
                state["bold"] = False
            elif c == 7:
                state["rev"] = True
            elif c == 27:
                state["rev"] = False
            elif 30 <= c <= 37:
                state["fg"] = BASE[c - 30]
            elif 90 <= c <= 97:
                state["fg"] = BASE[c - 90 + 8]
            elif 40 <= c <= 47:
                state["bg"] = BASE[c - 40]
            elif 100 <= c <= 107:
                state["bg"] = BASE[c - 100 + 8]
            elif c == 39:
                state["fg"] = None
            elif c == 49:
                state["bg"] = None
            elif c in (38, 48) and i + 1 < len(p):
                if p[i + 1] == 5 and i + 2 < len(p):
                    state["fg" if c == 38 else "bg"] = color256(p[i + 2])
                    i += 2
                elif p[i + 1] == 2 and i + 4 < len(p):
                    state["fg" if c == 38 else "bg"] = "#%02x%02x%02x" % tuple(p[i + 2:i + 5])
                    i += 4
            i += 1

    def span(chunk):
        if not chunk:
            return
        fg, bg = state["fg"] or fg_default, state["bg"] or bg_default
        if state["rev"]:
            fg, bg = bg, fg
        style = "color:%s;background:%s%s" % (fg, bg, ";font-weight:bold" if state["bold"] else "")
        out.append('<span style="%s">%s</span>' % (style, html.escape(chunk)))

    pos = 0
    for m in re.finditer(r"\x1b\[([0-9;]*)m", text):
        span(text[pos:m.start()])
        sgr(m.group(1))
        pos = m.end()
    span(text[pos:])
    body = "".join(out)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>%s</title><style>"
            "body{margin:0;background:%s}pre{margin:0;padding:10px;font:14px/1.25 'DejaVu Sans Mono',monospace;"
            "color:%s;white-space:pre}</style></head><body><pre>%s</pre></body></html>") % (
        html.escape(title), bg_default, fg_default, body)


if __name__ == "__main__":
    sys.stdout.write(convert(open(sys.argv[1], encoding="utf-8").read(), sys.argv[2] if len(sys.argv) > 2 else "console"))
