package io.hypermax.optimizers.internal.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MutationTest {

  private static SearchSpace eightByTen(boolean ordered) {
    List<Parameter> ps = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ps.add(ordered ? Spaces.ordered("p" + i, 10) : Spaces.unordered("p" + i, 10));
    }
    return new SearchSpace(ps);
  }

  private static Assignment middle(SearchSpace space) {
    Map<String, Object> v = new LinkedHashMap<>();
    space.parameters().forEach(p -> v.put(p.path(), 5));
    return new Assignment(v);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.75, 0.25})
  void mutationCountIsGeometricInTheFactor(double factor) {
    SearchSpace space = eightByTen(false);
    Assignment best = middle(space);
    MutationChain chain = new MutationChain(factor);
    SplittableRandom random = new SplittableRandom(20240601L);
    int n = 10_000;
    int buckets = 6; // 1, 2, ..., 5, and 6 or more
    long[] counts = new long[buckets];
    for (int i = 0; i < n; i++) {
      Proposals proposals = new Proposals(Spaces.request(space, List.of(), random.split()), new Axes(20));
      int k = chain.run(best, proposals).mutations();
      counts[Math.min(k, buckets) - 1]++;
    }
    // Pearson chi-square against P(k) = (1 - f) f^(k-1); 5 degrees of freedom, p = 0.001 -> 20.52.
    double chi2 = 0;
    for (int k = 1; k <= buckets; k++) {
      double p = k < buckets ? (1 - factor) * Math.pow(factor, k - 1) : Math.pow(factor, buckets - 1);
      double expected = n * p;
      chi2 += Math.pow(counts[k - 1] - expected, 2) / expected;
    }
    assertTrue(chi2 < 20.52, "chi-square " + chi2 + " for counts " + java.util.Arrays.toString(counts));
    assertEquals(1 - factor, counts[0] / (double) n, 0.015, "share of single mutations");
  }

  @Test
  void orderedAxisMovesOneStepAndBouncesAtTheEnds() {
    Axis axis = new Axis(new CategoricalDistribution(Spaces.range(5), true), Spaces.range(5), true);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 5; i++) {
      Set<Object> reached = new HashSet<>();
      for (int draw = 0; draw < 200; draw++) {
        int j = (Integer) axis.mutate(i, random);
        assertEquals(1, Math.abs(j - i), "from " + i + " to " + j);
        reached.add(j);
      }
      assertEquals(i == 0 || i == 4 ? 1 : 2, reached.size(), "neighbours reached from " + i);
    }
  }

  @Test
  void unorderedAxisAlwaysJumpsToAnotherValueAndReachesAllOthers() {
    List<Object> values = List.of("tanh", "relu", "elu", "selu");
    Axis axis = new Axis(CategoricalDistribution.of(values), values, false);
    SplittableRandom random = new SplittableRandom(2);
    Set<Object> reached = new HashSet<>();
    for (int draw = 0; draw < 300; draw++) {
      Object next = axis.mutate("relu", random);
      assertNotEquals("relu", next);
      reached.add(next);
    }
    assertEquals(Set.of("tanh", "elu", "selu"), reached);
  }

  @Test
  void singleValueOrderedAxisIsNotMutable() {
    Axis axis = new Axis(new CategoricalDistribution(List.of(7), true), List.of(7), true);
    assertFalse(axis.isMutable());
    assertEquals(7, axis.mutate(7, new SplittableRandom(3)));
  }

  @Test
  void withFactorZeroEveryCandidateIsOneOrderedStepFromTheBest() {
    SearchSpace space = eightByTen(true);
    Assignment best = middle(space);
    MutationChain chain = new MutationChain(0);
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < 500; i++) {
      Proposals proposals = new Proposals(Spaces.request(space, List.of(), random.split()), new Axes(20));
      Assignment candidate = chain.run(best, proposals).candidate();
      int changed = 0;
      for (String name : best.values().keySet()) {
        int step = Math.abs((Integer) candidate.get(name) - (Integer) best.get(name));
        assertTrue(step <= 1, name + " moved " + step + " steps");
        changed += step;
      }
      assertEquals(1, changed);
    }
  }
}
