package io.hypermax.results.internal.analysis;

import io.hypermax.core.objective.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds hand-made observation sets. */
final class Obs {
  private final List<Observation> list = new ArrayList<>();
  private final Direction direction;

  Obs(Direction direction) {
    this.direction = direction;
  }

  static Obs minimize() {
    return new Obs(Direction.MINIMIZE);
  }

  Obs add(double loss, Map<String, Object> params) {
    list.add(new Observation(list.size(), loss, direction.score(loss), 1 + list.size(), params));
    return this;
  }

  Observations build(NumericParameter... numeric) {
    return new Observations(list, direction, List.of(numeric), List.of());
  }
}
