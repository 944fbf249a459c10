package io.hypermax.optimizers.internal.storm;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.trial.Trial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * What one suggestion works with: the request, the axes, and the configurations already tried —
 * finished or still running, compared on their active parameters only, so a parameter that is off
 * in a trial cannot make it look new.
 */
final class Proposals {
  private static final int MAX_SNAP_ROUNDS = 3;

  private final SuggestRequest request;
  private final Axes axes;
  private final Set<String> tried = new HashSet<>();

  Proposals(SuggestRequest request, Axes axes) {
    this.request = request;
    this.axes = axes;
    for (Trial t : request.finished()) {
      tried.add(t.assignment().key());
    }
    for (Trial t : request.running()) {
      tried.add(t.assignment().key());
    }
  }

  RandomGenerator random() {
    return request.random();
  }

  SuggestRequest request() {
    return request;
  }

  boolean isTried(Assignment a) {
    return tried.contains(a.key());
  }

  int triedCount() {
    return tried.size();
  }

  /**
   * The active assignment {@code proposal} leads to (a dry run for define-by-run code), with numbers
   * on the lattice; parameters met for the first time get a value drawn from their prior.
   */
  Assignment resolve(Map<String, Object> proposal) {
    Assignment a = request.resolve(proposal);
    for (int round = 0; round < MAX_SNAP_ROUNDS; round++) {
      Map<String, Object> snapped = axes.onLattice(a, request.currentSpace());
      if (snapped.equals(a.values())) {
        return a;
      }
      // Snapping a number may change what is active when code branches on it: resolve again.
      a = request.resolve(snapped);
    }
    return a;
  }

  /** The axis of a known parameter, or null (unknown, or a constant). */
  Axis axis(String name) {
    Parameter p = request.currentSpace().get(name);
    return p == null ? null : axes.of(p);
  }

  /** Names among {@code names} whose value a mutation can change, in the given order. */
  List<String> mutable(Collection<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      Axis axis = axis(name);
      if (axis != null && axis.isMutable()) {
        out.add(name);
      }
    }
    return out;
  }
}
