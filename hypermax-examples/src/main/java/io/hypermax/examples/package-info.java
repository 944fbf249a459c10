/** Runnable examples: {@code quickstart} is the model behind {@code hypermax-examples/quickstart.yaml}. */
package io.hypermax.examples;
