package io.hypermax.results.internal.pareto;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.hypermax.core.stability.API;

/** The front as JSON for best.json: {@code "pareto_front": [{trial, objectives, loss, time, parameters}, ...]}. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ParetoFronts {
  private ParetoFronts() {}

  /** Adds {@code pareto_front} to {@code node} when the study has objective vectors; otherwise nothing. */
  public static void addTo(ObjectNode node, StudySnapshot snapshot) {
    ParetoData data = ParetoData.of(snapshot);
    if (data == null) {
      return;
    }
    List<Trial> front = new ArrayList<>(data.front());
    front.sort(Comparator.comparingDouble((Trial t) -> data.value(t, 0)).thenComparingInt(Trial::number));
    node.set("objectives", JsonValues.MAPPER.valueToTree(data.names()));
    ArrayNode list = node.putArray("pareto_front");
    for (Trial t : front) {
      ObjectNode o = list.addObject();
      o.put("trial", t.number());
      o.set("objectives", JsonValues.MAPPER.valueToTree(t.result().objectives()));
      o.put("loss", t.loss());
      o.put("time", t.result().time());
      o.set("parameters", JsonValues.MAPPER.valueToTree(t.parameters()));
    }
  }
}
