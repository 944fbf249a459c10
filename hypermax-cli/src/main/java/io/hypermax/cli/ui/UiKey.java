package io.hypermax.cli.ui;

import io.hypermax.core.stability.API;

/** A key press, independent of the terminal library. {@code ch} is set for {@link Kind#CHAR}. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record UiKey(Kind kind, char ch) {
  public enum Kind { CHAR, ENTER, ESCAPE, UP, DOWN, LEFT, RIGHT, PAGE_UP, PAGE_DOWN, HOME, END, TAB, BACKSPACE }

  public static UiKey of(char c) {
    return new UiKey(Kind.CHAR, c);
  }

  public static UiKey of(Kind k) {
    return new UiKey(k, '\0');
  }

  public boolean is(char c) {
    return kind == Kind.CHAR && ch == c;
  }
}
