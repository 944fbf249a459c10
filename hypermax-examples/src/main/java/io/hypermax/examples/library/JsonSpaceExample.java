package io.hypermax.examples.library;

// snippet:json-imports
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypermax.core.Hypermax;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
// end:json-imports
import java.util.Map;
import io.hypermax.core.stability.API;

/** A space written in the config format (JSON), searched by ask and tell. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class JsonSpaceExample {
  private JsonSpaceExample() {}

  static double evaluate(Map<String, Object> p) {
    double x = ((Number) p.get("x")).doubleValue();
    return (x - 2) * (x - 2);
  }

  public static Study run() throws Exception {
    // snippet:ask-and-tell
    String json = """
        {"type": "object", "properties": {"x": {"type": "number", "min": -5, "max": 5}}}""";
    SearchSpace space = SpaceParser.parse(new ObjectMapper().readTree(json));
    Study study = Hypermax.study(space).method("tpe").seed(7).iterations(30).build();
    for (int i = 0; i < 30; i++) {
      Trial trial = study.ask();
      study.tell(trial, evaluate(trial.parameters()));   // a number, or a map with "loss"
    }
    // end:ask-and-tell
    return study;
  }
}
