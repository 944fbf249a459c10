package io.hypermax.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Result generators run after the generators they declare as dependencies, whatever their ids. */
class GeneratorOrderTest {
  private static ResultGeneratorProvider gen(String id, String... deps) {
    return new ResultGeneratorProvider() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return id;
      }

      @Override
      public Set<String> dependencies() {
        return Set.of(deps);
      }

      @Override
      public ResultGenerator create(Context context) {
        return snapshot -> {};
      }
    };
  }

  private static List<String> ids(List<ResultGeneratorProvider> ps) {
    return ps.stream().map(ResultGeneratorProvider::id).toList();
  }

  @Test
  void dependenciesRunFirstEvenWhenTheirIdsSortLater() {
    // "a_report" sorts before "z_charts", yet reads its files
    var order = GeneratorOrder.of(List.of(gen("m_csv"), gen("a_report", "z_charts"), gen("z_charts", "m_csv")));
    assertEquals(List.of("m_csv", "z_charts", "a_report"), ids(order));
  }

  @Test
  void withoutDependenciesTheOrderIsById() {
    assertEquals(List.of("a", "b", "c"), ids(GeneratorOrder.of(List.of(gen("c"), gen("a"), gen("b")))));
  }

  @Test
  void aMissingDependencyNamesBothGenerators() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> GeneratorOrder.of(List.of(gen("report", "charts"), gen("csv"))));
    assertTrue(e.getMessage().contains("'report' needs result generator 'charts', which is not installed"), e.getMessage());
  }

  @Test
  void aCycleIsRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> GeneratorOrder.of(List.of(gen("a", "b"), gen("b", "a"))));
    assertTrue(e.getMessage().contains("cycle: a -> b -> a"), e.getMessage());
  }
}
