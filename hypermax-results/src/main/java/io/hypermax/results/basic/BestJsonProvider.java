package io.hypermax.results.basic;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.service.AutoService;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.trial.Trial;
import java.nio.file.Path;
import java.util.Optional;

/** {@code best.json}: the best trial's number, loss, time and parameters exactly as the function received them. */
@AutoService(ResultGeneratorProvider.class)
public final class BestJsonProvider implements ResultGeneratorProvider {
  public static final String FILE_NAME = "best.json";

  @Override
  public String id() {
    return "best_json";
  }

  @Override
  public String description() {
    return "best.json: the best trial's parameters (as the function received them), loss and time.";
  }

  @Override
  public ResultGenerator create(Context context) {
    Path file = context.directory().resolve(FILE_NAME);
    return snapshot -> {
      Optional<Trial> best = snapshot.best();
      if (best.isEmpty()) {
        return;
      }
      Trial t = best.get();
      ObjectNode n = JsonValues.MAPPER.createObjectNode();
      n.put("trial", t.number());
      n.put("loss", t.loss());
      n.put("time", t.result().time());
      n.set("parameters", JsonValues.MAPPER.valueToTree(t.parameters()));
      if (!t.result().metadata().isEmpty()) {
        n.set("metadata", JsonValues.MAPPER.valueToTree(t.result().metadata()));
      }
      io.hypermax.results.pareto.ParetoFronts.addTo(n, snapshot); // multi-objective studies: the whole front
      AtomicFiles.write(
          file, JsonValues.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n) + "\n");
    };
  }
}
