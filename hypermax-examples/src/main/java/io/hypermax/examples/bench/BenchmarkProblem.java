package io.hypermax.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import io.hypermax.core.stability.API;

/**
 * A test function with a known minimum, defined once as a hypermax search space (the
 * {@code hyperparameters} format, as JSON) and an objective over the nested parameters that a
 * function receives.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record BenchmarkProblem(
    String name, String description, SearchSpace space, ToDoubleFunction<Map<String, Object>> objective, double minimum) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static BenchmarkProblem of(
      String name, String description, String spaceJson, ToDoubleFunction<Map<String, Object>> objective, double minimum) {
    try {
      return new BenchmarkProblem(name, description, SpaceParser.parse(JSON.readTree(spaceJson)), objective, minimum);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public double evaluate(Map<String, Object> parameters) {
    return objective.applyAsDouble(parameters);
  }

  public int dimension() {
    return space.optimizable().size();
  }
}
