/**
 * {@code search.method: random}: independent draws from the space's priors.
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.optimizers.internal.random;

import io.hypermax.core.stability.API;
