package io.hypermax.examples.library;

import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.stability.API;

/** Every kind of parameter the builder offers, including a conditional choice (oneOf). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ConditionalSpaceExample {
  private ConditionalSpaceExample() {}

  public static SearchSpace space() {
    // snippet:conditional
    SearchSpace space = SearchSpace.builder()
        .number("dropout", 0, 0.5, n -> n.rounding(0.05))        // 0, 0.05, ..., 0.5
        .normal("momentum", 0.9, 0.03, n -> n.min(0).max(1))     // truncated normal prior
        .integer("batch", 16, 256, n -> n.rounding(16))
        .bool("batch_norm")
        .constant("epochs", 10)
        .oneOf("model", branches -> branches                      // one branch per trial
            .branch(svm -> svm.constant("kind", "svm").number("c", 0.01, 100, n -> n.log()))
            .branch(tree -> tree.constant("kind", "tree").integer("depth", 1, 12)))
        .build();
    // end:conditional
    return space;
  }
}
