package io.hypermax.results.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.study.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CorrelationsTest {

  @Test
  void signsFollowTheRelationsAndTheLargestMagnitudeIsTen() {
    Random r = new Random(5);
    List<Observation> list = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double x = r.nextDouble();
      double y = x + 0.1 * r.nextGaussian(); // follows x
      double z = r.nextDouble(); // unrelated to x
      double loss = 3 * x - 1 * z + 0.05 * r.nextGaussian();
      list.add(new Observation(i, loss, loss, 1, Map.of("x", x, "y", y, "z", z, "act", i % 2 == 0 ? "relu" : "tanh")));
    }
    Parameter act = Parameter.of("act", CategoricalDistribution.of(List.of("relu", "tanh")));
    Observations obs =
        new Observations(
            list, Direction.MINIMIZE,
            List.of(NumericParameter.linear("x"), NumericParameter.linear("y"), NumericParameter.linear("z")),
            List.of(act));
    Correlations c = Correlations.compute(obs);
    List<String> labels = c.features().labels();
    assertEquals(List.of("x", "y", "z", "act=relu", "act=tanh"), labels);
    int x = 0;
    int y = 1;
    int z = 2;
    double[][] s = c.scaled();
    assertTrue(s[x][y] > 5, "x and y move together: " + s[x][y]);
    assertTrue(Math.abs(s[x][z]) < 2, "x and z are unrelated: " + s[x][z]);
    assertEquals(-10, s[3][4], 1e-9, "the two one-hot columns of act are exactly opposite");
    assertTrue(s[x][x] > 0, "a larger x gives a larger loss");
    assertTrue(s[z][z] < 0, "a larger z gives a smaller loss");
    double diagonalMax = 0;
    double offMax = 0;
    for (int i = 0; i < labels.size(); i++) {
      for (int j = 0; j < labels.size(); j++) {
        assertTrue(Math.abs(s[i][j]) <= 10 + 1e-9);
        if (i == j) {
          diagonalMax = Math.max(diagonalMax, Math.abs(s[i][j]));
        } else {
          offMax = Math.max(offMax, Math.abs(s[i][j]));
        }
      }
    }
    assertEquals(10, diagonalMax, 1e-9);
    assertEquals(10, offMax, 1e-9);
    assertEquals(s[x][x], 10, 1e-9, "x has the strongest relation to the loss");
    assertEquals(1.0, Math.abs(c.raw()[3][4]), 1e-9, "raw values are plain correlations");
  }
}
