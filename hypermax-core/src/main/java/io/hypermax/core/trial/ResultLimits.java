package io.hypermax.core.trial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * Bounds on what one trial puts in memory and in the journal: an error text of at most
 * {@link #MAX_ERROR_CHARS} characters and metadata of at most {@link #MAX_METADATA_CHARS}
 * characters of JSON. A function that returns tens of megabytes used to have them held several
 * times over and copied into the journal. What is cut says so, and how much there was; the whole
 * text stays in the trial's log (process executors log all output, java_function logs the stack
 * trace and any cut result).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ResultLimits {
  /** Characters of an error message kept in the result and the journal. */
  public static final int MAX_ERROR_CHARS = 4 * 1024;
  /** Characters of JSON kept for the metadata of one result. */
  public static final int MAX_METADATA_CHARS = 64 * 1024;
  /** Characters of JSON kept for one metadata field that does not fit. */
  static final int CUT_FIELD_CHARS = 200;
  /** The metadata key that lists how many fields did not fit at all. */
  public static final String CUT_KEY = "_cut";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultLimits() {}

  /** {@code text}, or its first {@link #MAX_ERROR_CHARS} characters and a note of the full length. */
  public static String error(String text) {
    if (text == null || text.length() <= MAX_ERROR_CHARS) {
      return text;
    }
    return text.substring(0, MAX_ERROR_CHARS)
        + "… [cut at " + MAX_ERROR_CHARS + " of " + text.length() + " characters; the whole text is in the trial's log]";
  }

  /** True when {@code metadata} is larger than {@link #MAX_METADATA_CHARS} characters of JSON. */
  public static boolean exceeds(Map<String, Object> metadata) {
    return metadata != null && !metadata.isEmpty() && json(metadata).length() > MAX_METADATA_CHARS;
  }

  /**
   * {@code metadata} when it fits; otherwise its fields in order while they fit, a field too large
   * for the rest of the budget replaced by the start of its JSON and a note, and once the budget is
   * spent one {@value #CUT_KEY} field saying how many fields were left out.
   */
  public static Map<String, Object> metadata(Map<String, Object> metadata) {
    if (!exceeds(metadata)) {
      return metadata;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    int budget = MAX_METADATA_CHARS - 200; // room for the notes themselves
    int left = 0;
    for (Map.Entry<String, Object> e : metadata.entrySet()) {
      if (budget <= CUT_FIELD_CHARS * 2) {
        left++;
        continue;
      }
      String text = json(e.getValue());
      String key = e.getKey().length() > CUT_FIELD_CHARS ? e.getKey().substring(0, CUT_FIELD_CHARS) + "…" : e.getKey();
      if (text.length() + key.length() + 4 <= budget) {
        out.put(key, e.getValue());
        budget -= text.length() + key.length() + 4;
      } else {
        String cut = text.substring(0, Math.min(CUT_FIELD_CHARS, text.length()))
            + "… [cut: " + text.length() + " characters of JSON; the whole result is in the trial's log]";
        out.put(key, cut);
        budget -= cut.length() + key.length() + 6;
      }
    }
    if (left > 0) {
      out.put(CUT_KEY, left + " more fields left out: the metadata is larger than " + MAX_METADATA_CHARS
          + " characters of JSON; the whole result is in the trial's log");
    }
    return out;
  }

  /** The JSON text of {@code value} (for logs and measuring). */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException | RuntimeException e) {
      return String.valueOf(value);
    }
  }
}
