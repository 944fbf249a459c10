package io.hypermax.core.internal.guidance;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.storage.StoredStudy;
import java.util.ArrayList;
import java.util.List;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.stability.API;

/** The guidance records of a stored study, in the order they were given (readers without a running study). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class GuidanceHistory {
  private GuidanceHistory() {}

  /** Every guidance record of {@code stored}; damaged ones were already named in its problems. */
  public static List<GuidanceEvent> of(StoredStudy stored) {
    List<GuidanceEvent> out = new ArrayList<>();
    for (JsonNode n : stored.customEvents()) {
      if (GuidanceEvent.isGuidance(n)) {
        try {
          out.add(GuidanceEvent.fromJson(n));
        } catch (IllegalArgumentException e) {
          // named in the journal's problems when it was read
        }
      }
    }
    return out;
  }
}
