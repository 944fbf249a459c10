package io.hypermax.core.space;

import java.util.List;
import io.hypermax.core.stability.API;

/**
 * One parameter of a search space.
 *
 * @param path its identity: a dotted path such as {@code optimizer.beta1}; children of an
 *     {@code anyOf} branch carry the branch index ({@code model.1.depth}) so that branches may reuse
 *     names
 * @param nestedPath where the value goes in the nested map handed to the function (branch index
 *     segments removed: {@code [model, depth]})
 * @param condition the choice branch that activates it, or null when always active (or when, as in
 *     define-by-run spaces, activity is simply whatever the code asked for)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Parameter(String path, List<String> nestedPath, Distribution distribution, Condition condition) {

  public Parameter {
    nestedPath = List.copyOf(nestedPath);
  }

  /** A top-level or dotted define-by-run parameter without condition. */
  public static Parameter of(String path, Distribution distribution) {
    return new Parameter(path, List.of(path.split("\\.")), distribution, null);
  }

  public boolean isChoice() {
    return distribution instanceof ChoiceDistribution;
  }
}
