package io.hypermax.executors.internal.executable;

import java.util.ArrayList;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * Splits a command string into arguments the way a POSIX shell would, without running one: words
 * split on whitespace, 'single quotes' keep everything, "double quotes" keep everything but
 * backslash escapes of {@code " \ $ `}, and a backslash outside quotes escapes the next character.
 * No variables, globs or pipes.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class CommandLine {
  private CommandLine() {}

  public static List<String> split(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < command.length()) {
      char c = command.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = command.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed single quote at position " + i);
        }
        word.append(command, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = doubleQuoted(command, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= command.length()) {
          throw new IllegalArgumentException("the command ends with a lone backslash");
        }
        word.append(command.charAt(i + 1));
        inWord = true;
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Appends a double-quoted section starting after its opening quote; returns the index after its closing quote. */
  private static int doubleQuoted(String command, int i, StringBuilder word) {
    while (i < command.length()) {
      char c = command.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
        word.append(command.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new IllegalArgumentException("unclosed double quote");
  }
}
