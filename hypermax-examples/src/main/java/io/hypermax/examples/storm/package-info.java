/**
 * Internal types of hypermax-examples in this package: {@link Activation}, {@link CompareWithRandom}, {@link Friedman1}, {@link Mlp}, {@link StormExample}.
 * Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.examples.storm;

import io.hypermax.core.stability.API;
