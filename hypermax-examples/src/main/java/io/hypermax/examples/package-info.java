/** Runnable examples: {@code quickstart} is the model behind {@code hypermax-examples/quickstart.yaml}. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.examples;

import io.hypermax.core.stability.API;
