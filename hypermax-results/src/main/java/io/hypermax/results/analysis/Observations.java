package io.hypermax.results.analysis;

import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.ChoiceDistribution;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.study.Direction;
import io.hypermax.core.study.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The COMPLETE trials of a study with a finite loss, in trial order, plus the parameters worth
 * charting. FAILED and KILLED trials have no loss of their own and are left out.
 */
public final class Observations {
  private final List<Observation> all;
  private final Direction direction;
  private final List<NumericParameter> numeric;
  private final List<Parameter> categorical;

  public Observations(
      List<Observation> all, Direction direction, List<NumericParameter> numeric, List<Parameter> categorical) {
    this.all = List.copyOf(all);
    this.direction = direction;
    this.numeric = List.copyOf(numeric);
    this.categorical = List.copyOf(categorical);
  }

  public static Observations of(StudySnapshot snapshot) {
    List<Observation> list = new ArrayList<>();
    for (Trial t : snapshot.trials()) {
      if (t.status() == TrialStatus.COMPLETE && Double.isFinite(t.loss())) {
        list.add(
            new Observation(
                t.number(), t.loss(), snapshot.direction().score(t.loss()), t.result().time(), t.flatParameters()));
      }
    }
    List<NumericParameter> numeric = new ArrayList<>();
    List<Parameter> categorical = new ArrayList<>();
    for (Parameter p : snapshot.space().optimizable()) {
      if (p.distribution() instanceof NumberDistribution) {
        numeric.add(NumericParameter.of(p));
      } else if (p.distribution() instanceof CategoricalDistribution
          || p.distribution() instanceof ChoiceDistribution) {
        categorical.add(p);
      }
    }
    return new Observations(list, snapshot.direction(), numeric, categorical);
  }

  public List<Observation> all() {
    return all;
  }

  public int size() {
    return all.size();
  }

  public Direction direction() {
    return direction;
  }

  public List<NumericParameter> numeric() {
    return numeric;
  }

  public List<Parameter> categorical() {
    return categorical;
  }

  /**
   * The best {@code fraction} of {@code list} by {@code badness} (lower is better): the first
   * ceil(fraction·n) after sorting, ties broken by trial number. Fraction 1 keeps everything.
   */
  public static List<Observation> best(
      List<Observation> list, double fraction, ToDoubleFunction<Observation> badness) {
    if (fraction >= 1) {
      return list;
    }
    int keep = (int) Math.max(1, Math.ceil(fraction * list.size() - 1e-9));
    return list.stream()
        .sorted(Comparator.comparingDouble(badness).thenComparingInt(Observation::trial))
        .limit(keep)
        .toList();
  }

  /** Observations with a numeric value for every given parameter and a finite value of {@code key}. */
  public List<Observation> withNumbers(ValueKey key, String... paths) {
    List<Observation> out = new ArrayList<>();
    for (Observation o : all) {
      boolean ok = Double.isFinite(o.value(key));
      for (String p : paths) {
        ok &= Double.isFinite(o.number(p));
      }
      if (ok) {
        out.add(o);
      }
    }
    return out;
  }
}
