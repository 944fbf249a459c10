/**
 * The benchmark problems and runner behind {@code hypermax bench} and docs/benchmarks.md.
 * Example code: copy it, do not depend on it.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.examples.bench;

import io.hypermax.core.stability.API;
