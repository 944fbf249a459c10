/**
 * The StoRM-style define-by-run example (a small MLP on Friedman #1) and its comparison with random search.
 * Example code: copy it, do not depend on it.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.examples.storm;

import io.hypermax.core.stability.API;
