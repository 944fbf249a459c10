package io.hypermax.results.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.objective.Direction;
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
      String act = List.of("relu", "tanh", "elu").get(i % 3);
      list.add(new Observation(i, loss, loss, 1, Map.of("x", x, "y", y, "z", z, "act", act, "flag", i % 2 == 0)));
    }
    Parameter act = Parameter.of("act", CategoricalDistribution.of(List.of("relu", "tanh", "elu")));
    Parameter flag = Parameter.of("flag", CategoricalDistribution.booleans());
    Observations obs =
        new Observations(
            list, Direction.MINIMIZE,
            List.of(NumericParameter.linear("x"), NumericParameter.linear("y"), NumericParameter.linear("z")),
            List.of(act, flag));
    Correlations c = Correlations.compute(obs);
    List<String> labels = c.features().labels();
    assertEquals(List.of("x", "y", "z", "act=relu", "act=tanh", "act=elu", "flag=true"), labels, "a two-valued parameter gets one column");
    int x = 0;
    int y = 1;
    int z = 2;
    double[][] s = c.scaled();
    assertTrue(s[x][y] > 5, "x and y move together: " + s[x][y]);
    assertTrue(Math.abs(s[x][z]) < 2, "x and z are unrelated: " + s[x][z]);
    assertEquals(0, s[3][4], "one-hot columns of one parameter exclude each other by construction: shown as 0");
    assertTrue(c.raw()[3][4] < -0.4, "…though their raw correlation is negative");
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
    assertEquals(10, s[x][y], 1e-9, "x-y is the strongest pair and sets the scale");
  }
}
