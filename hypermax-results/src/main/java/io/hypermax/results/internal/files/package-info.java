/**
 * Internal types of hypermax-results in this package: {@link AtomicFiles}, {@link Csv}, {@link FileNames}.
 * Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.results.internal.files;

import io.hypermax.core.stability.API;
