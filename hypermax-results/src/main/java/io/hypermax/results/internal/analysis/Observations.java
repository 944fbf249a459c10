package io.hypermax.results.internal.analysis;

import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.ChoiceDistribution;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.ConstantDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import io.hypermax.core.stability.API;

/**
 * The COMPLETE trials of a study with a finite loss, in trial order, plus the parameters worth
 * charting. FAILED and KILLED trials have no loss of their own and are left out.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Observations {
  private final List<Observation> all;
  private final Direction direction;
  private final List<NumericParameter> numeric;
  private final List<Parameter> categorical;
  private final Map<String, List<String>> branchNames;

  public Observations(
      List<Observation> all, Direction direction, List<NumericParameter> numeric, List<Parameter> categorical) {
    this(all, direction, numeric, categorical, Map.of());
  }

  /** @param branchNames for each branch choice's path, the display name of each branch */
  public Observations(
      List<Observation> all, Direction direction, List<NumericParameter> numeric, List<Parameter> categorical,
      Map<String, List<String>> branchNames) {
    this.all = List.copyOf(all);
    this.direction = direction;
    this.numeric = List.copyOf(numeric);
    this.categorical = List.copyOf(categorical);
    this.branchNames = Map.copyOf(branchNames);
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
    return new Observations(list, snapshot.direction(), numeric, categorical, branchNames(snapshot.space()));
  }

  /**
   * A name for every branch of every {@code anyOf}/{@code oneOf}, for chart axes: the text of a string constant in
   * the branch (the usual way to tag a branch, e.g. {@code kind: {constant: svm}}), else the names of the branch's
   * own parameters ("depth, leaves"), else "branch i". Names that would repeat get their index appended.
   */
  static Map<String, List<String>> branchNames(SearchSpace space) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Parameter choice : space.parameters()) {
      if (!(choice.distribution() instanceof ChoiceDistribution c)) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (int i = 0; i < c.branches(); i++) {
        String constant = null;
        List<String> own = new ArrayList<>();
        for (Parameter q : space.parameters()) {
          if (q.condition() == null || !q.condition().choicePath().equals(choice.path()) || q.condition().branch() != i) {
            continue;
          }
          if (q.distribution() instanceof ConstantDistribution k && k.value() instanceof String text && constant == null) {
            constant = text;
          }
          List<String> nested = q.nestedPath();
          own.add(nested.isEmpty() ? q.path() : nested.get(nested.size() - 1));
        }
        String name = constant != null ? constant
            : own.isEmpty() ? "branch " + i
            : own.size() <= 3 ? String.join(", ", own) : String.join(", ", own.subList(0, 3)) + ", …";
        names.add(name);
      }
      for (int i = 0; i < names.size(); i++) {
        if (java.util.Collections.frequency(names, names.get(i)) > 1) {
          names.set(i, names.get(i) + " (" + i + ")");
        }
      }
      out.put(choice.path(), List.copyOf(names));
    }
    return out;
  }

  /** A categorical value as charts label it: branch choices by their branch's name, everything else as text. */
  public String label(Parameter p, Object v) {
    List<String> names = branchNames.get(p.path());
    if (names != null && p.distribution() instanceof ChoiceDistribution && v instanceof Number n
        && n.intValue() >= 0 && n.intValue() < names.size()) {
      return names.get(n.intValue());
    }
    return CategoryStats.label(p, v);
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
