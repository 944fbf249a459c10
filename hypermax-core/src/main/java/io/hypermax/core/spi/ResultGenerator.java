package io.hypermax.core.spi;

import io.hypermax.core.history.StudySnapshot;
import java.io.IOException;
import io.hypermax.core.stability.API;

/**
 * Writes some files of a results directory from a snapshot.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface ResultGenerator {

  /** CHEAP generators run after every finished trial; EXPENSIVE ones in the background, throttled, and at the end. */
  enum Cost {
    CHEAP,
    EXPENSIVE
  }

  default Cost cost() {
    return Cost.CHEAP;
  }

  void generate(StudySnapshot snapshot) throws IOException;

  /** {@code body} as an EXPENSIVE generator: {@code return ResultGenerator.expensive(snapshot -> ...)}. */
  static ResultGenerator expensive(ResultGenerator body) {
    return new ResultGenerator() {
      @Override
      public Cost cost() {
        return Cost.EXPENSIVE;
      }

      @Override
      public void generate(StudySnapshot snapshot) throws IOException {
        body.generate(snapshot);
      }
    };
  }
}
