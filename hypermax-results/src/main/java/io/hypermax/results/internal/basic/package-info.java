/**
 * The plain result generators: {@code results.csv}, {@code best.json}, {@code intermediate.csv} and {@code guidance.csv}.
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.results.internal.basic;

import io.hypermax.core.stability.API;
