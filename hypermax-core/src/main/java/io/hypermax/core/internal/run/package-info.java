/**
 * A search driven by a configuration: results directories and their lock, resume, the result publisher,
 * regeneration of a finished directory and the shared-storage worker.
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.core.internal.run;

import io.hypermax.core.stability.API;
