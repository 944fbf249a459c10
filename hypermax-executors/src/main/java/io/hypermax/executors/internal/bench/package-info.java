/**
 * The executor overhead benchmark (per-trial cost of each executor type).
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.executors.internal.bench;

import io.hypermax.core.stability.API;
