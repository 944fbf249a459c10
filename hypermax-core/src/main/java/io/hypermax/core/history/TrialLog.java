package io.hypermax.core.history;

import io.hypermax.core.trial.Trial;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import io.hypermax.core.stability.API;

/**
 * An append-only log of finished trials with O(1) immutable views. A view covers the first n
 * entries; entries never change once appended and a grown array leaves the old one to the views
 * that hold it, so a view is a consistent picture without a copy. Not thread-safe for appends:
 * the owning study appends under its lock, views may be read from any thread.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TrialLog {
  private Trial[] entries = new Trial[64];
  private int size;
  /** The first index whose trial number is lower than one before it; views shorter than this are sorted by number. */
  private int firstDisorder = Integer.MAX_VALUE;
  private int maxNumber = -1;

  public void append(Trial t) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
    }
    entries[size] = t;
    if (t.number() < maxNumber && firstDisorder == Integer.MAX_VALUE) {
      firstDisorder = size;
    }
    maxNumber = Math.max(maxNumber, t.number());
    size++;
  }

  public int size() {
    return size;
  }

  /** The trials appended so far, as an immutable list that never changes. */
  public View view() {
    return new View(entries, size, size <= firstDisorder);
  }

  /** A view of the first {@code n} entries. */
  public View view(int n) {
    if (n < 0 || n > size) {
      throw new IndexOutOfBoundsException(n);
    }
    return new View(entries, n, n <= firstDisorder);
  }

  /** An immutable prefix of a log. */
  public static final class View extends AbstractList<Trial> implements RandomAccess {
    private final Trial[] entries;
    private final int size;
    private final boolean sortedByNumber;

    private View(Trial[] entries, int size, boolean sortedByNumber) {
      this.entries = entries;
      this.size = size;
      this.sortedByNumber = sortedByNumber;
    }

    /** An immutable view of a list of trials (copied once). */
    public static View of(List<Trial> trials) {
      Trial[] copy = trials.toArray(new Trial[0]);
      boolean sorted = true;
      for (int i = 1; i < copy.length && sorted; i++) {
        sorted = copy[i - 1].number() <= copy[i].number();
      }
      return new View(copy, copy.length, sorted);
    }

    @Override
    public Trial get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException(index);
      }
      return entries[index];
    }

    @Override
    public int size() {
      return size;
    }

    /** True when the entries are in trial-number order (always so when trials finish one at a time). */
    public boolean sortedByNumber() {
      return sortedByNumber;
    }
  }
}
