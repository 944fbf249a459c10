package io.hypermax.results.internal.basic;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.service.AutoService;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.trial.Trial;
import java.nio.file.Path;
import java.util.Optional;
import io.hypermax.results.internal.files.AtomicFiles;
import io.hypermax.core.stability.API;

/** {@code best.json}: the best trial's number, loss, time and parameters exactly as the function received them. */
@AutoService(ResultGeneratorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BestJsonProvider implements ResultGeneratorProvider {
  public static final String FILE_NAME = "best.json";
  private static final com.fasterxml.jackson.databind.ObjectMapper PRETTY =
      JsonValues.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

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
    // Written only when the best trial changes: most trials do not beat the best, and cost nothing here.
    java.util.concurrent.atomic.AtomicReference<Trial> lastWritten = new java.util.concurrent.atomic.AtomicReference<>();
    // In a Pareto study the front can change while the best weighted sum does not: it is compared too.
    java.util.concurrent.atomic.AtomicReference<java.util.List<Integer>> lastFront =
        new java.util.concurrent.atomic.AtomicReference<>();
    return snapshot -> {
      Optional<Trial> best = snapshot.best();
      if (best.isEmpty()) {
        return;
      }
      Trial t = best.get();
      // Every COMPLETE trial of a Pareto study has an objective vector, so the best one tells which study this is.
      java.util.List<Integer> front = t.result().hasObjectives() ? frontNumbers(snapshot) : null;
      if (t == lastWritten.get() && java.util.Objects.equals(front, lastFront.get())) {
        return;
      }
      ObjectNode n = JsonValues.MAPPER.createObjectNode();
      n.put("trial", t.number());
      n.put("loss", t.loss());
      n.put("time", t.result().time());
      n.set("parameters", JsonValues.MAPPER.valueToTree(t.parameters()));
      if (!t.result().metadata().isEmpty()) {
        n.set("metadata", JsonValues.MAPPER.valueToTree(t.result().metadata()));
      }
      if (front != null) {
        io.hypermax.results.internal.pareto.ParetoFronts.addTo(n, snapshot); // multi-objective studies: the whole front
      }
      AtomicFiles.write(file, PRETTY.writeValueAsString(n) + "\n");
      lastWritten.set(t);
      lastFront.set(front);
    };
  }

  private static java.util.List<Integer> frontNumbers(io.hypermax.core.history.StudySnapshot snapshot) {
    io.hypermax.results.internal.pareto.ParetoData data = io.hypermax.results.internal.pareto.ParetoData.of(snapshot);
    return data == null ? null : data.front().stream().map(Trial::number).toList();
  }
}
