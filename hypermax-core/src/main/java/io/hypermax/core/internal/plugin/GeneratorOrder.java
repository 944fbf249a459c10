package io.hypermax.core.internal.plugin;

import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.stability.API;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order result generators run in: every generator after the ones it names in
 * {@link ResultGeneratorProvider#dependencies()}, otherwise by id (so the order is the same on every run).
 * A dependency that is not installed, or a cycle, is an error naming the generators.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class GeneratorOrder {
  private GeneratorOrder() {}

  /** @throws IllegalStateException naming the generator and the missing dependency, or the cycle */
  public static List<ResultGeneratorProvider> of(List<ResultGeneratorProvider> providers) {
    Map<String, ResultGeneratorProvider> byId = new HashMap<>();
    providers.forEach(p -> byId.put(p.id(), p));
    for (ResultGeneratorProvider p : providers) {
      for (String dep : p.dependencies()) {
        if (!byId.containsKey(dep)) {
          throw new IllegalStateException("result generator '" + p.id() + "' needs result generator '" + dep
              + "', which is not installed (found: " + new TreeSet<>(byId.keySet()) + ")");
        }
      }
    }
    List<ResultGeneratorProvider> sorted = new ArrayList<>(providers);
    sorted.sort(Comparator.comparing(ResultGeneratorProvider::id));
    List<ResultGeneratorProvider> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (ResultGeneratorProvider p : sorted) {
      visit(p, byId, done, new LinkedHashSet<>(), out);
    }
    return List.copyOf(out);
  }

  private static void visit(ResultGeneratorProvider p, Map<String, ResultGeneratorProvider> byId, Set<String> done,
      LinkedHashSet<String> path, List<ResultGeneratorProvider> out) {
    if (done.contains(p.id())) {
      return;
    }
    if (!path.add(p.id())) {
      throw new IllegalStateException("result generators depend on each other in a cycle: "
          + String.join(" -> ", path) + " -> " + p.id());
    }
    for (String dep : new TreeSet<>(p.dependencies())) {
      visit(byId.get(dep), byId, done, path, out);
    }
    path.remove(p.id());
    done.add(p.id());
    out.add(p);
  }
}
