package io.hypermax.core.trial;

import java.util.LinkedHashMap;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * Turns whatever a function returned into a {@link TrialResult}: a number is the loss; a map needs
 * a numeric {@code loss}, may give {@code time} (seconds, overriding the measured time) and keeps
 * every other field as metadata. Anything else is a FAILED trial with a message saying why — never
 * silently a loss of 0.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ResultParser {
  /**
   * How the error of a result object without {@code loss} begins. Such a result keeps its fields as
   * metadata, so a study whose {@code metrics} name other fields can still score it
   * ({@code io.hypermax.core.objective.Objective}).
   */
  public static final String NO_LOSS_FIELD = "the result object has no 'loss' field";

  private ResultParser() {}

  /** Whether {@code r} failed only because its result object had no {@code loss} (its fields are in the metadata). */
  public static boolean lacksLossOnly(TrialResult r) {
    return r.status() == TrialStatus.FAILED && r.error() != null && r.error().startsWith(NO_LOSS_FIELD);
  }

  public static TrialResult parse(Object returned, double measuredSeconds) {
    if (returned instanceof Number n) {
      return fromLoss(n.doubleValue(), measuredSeconds, Map.of());
    }
    if (returned instanceof Map<?, ?> map) {
      Object loss = map.get("loss");
      if (loss == null && map.containsKey("loss")) {
        return TrialResult.failed(
            "the result's 'loss' is null (JSON null, Python None): give a number; a trial that cannot compute "
                + "its loss should raise an error so that it is recorded as FAILED with the reason", measuredSeconds);
      }
      if (loss != null && !(loss instanceof Number)) {
        return TrialResult.failed("the result's 'loss' is not a number: " + describe(loss), measuredSeconds);
      }
      double time = measuredSeconds;
      Object t = map.get("time");
      if (t != null) {
        if (!(t instanceof Number tn)) {
          return TrialResult.failed("the result's 'time' is not a number: " + describe(t), measuredSeconds);
        }
        time = tn.doubleValue();
        if (!(time >= 0)) {
          return TrialResult.failed("the result's 'time' must be a number of seconds >= 0, found " + t, measuredSeconds);
        }
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (!key.equals("loss") && !key.equals("time")) {
          metadata.put(key, e.getValue());
        }
      }
      if (loss == null) {
        return new TrialResult(
            TrialStatus.FAILED, Double.NaN, time, metadata, NO_LOSS_FIELD + " (fields: " + map.keySet() + ")", null, null);
      }
      return fromLoss(((Number) loss).doubleValue(), time, metadata);
    }
    if (returned == null) {
      return TrialResult.failed("the function returned nothing (null); return a number or an object with 'loss'", measuredSeconds);
    }
    return TrialResult.failed(
        "the function returned " + describe(returned) + "; return a number or an object with 'loss'",
        measuredSeconds);
  }

  /**
   * A loss must be finite. NaN says "no result"; -Infinity would be the best trial of every study
   * and +Infinity the worst, and either would skew every chart and model: all three make the trial
   * FAILED with the value named (docs/config.md, "Losses").
   */
  private static TrialResult fromLoss(double loss, double time, Map<String, Object> metadata) {
    if (!Double.isFinite(loss)) {
      return new TrialResult(
          TrialStatus.FAILED, Double.NaN, time, metadata,
          "the loss is " + loss + ": a loss must be a finite number (NaN and ±Infinity make the trial FAILED)",
          null, null);
    }
    return TrialResult.complete(loss, time, metadata);
  }

  private static String describe(Object o) {
    String s = String.valueOf(o);
    if (s.length() > 200) {
      s = s.substring(0, 200) + "…";
    }
    return o.getClass().getSimpleName() + " " + s;
  }
}
