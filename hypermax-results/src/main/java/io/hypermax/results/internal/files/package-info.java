/**
 * File helpers of the result generators, below every other results package: atomic writes, CSV
 * quoting and safe chart file names.
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.results.internal.files;

import io.hypermax.core.stability.API;
