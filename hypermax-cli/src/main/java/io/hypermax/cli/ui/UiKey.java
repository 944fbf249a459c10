package io.hypermax.cli.ui;

/** A key press, independent of the terminal library. {@code ch} is set for {@link Kind#CHAR}. */
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
