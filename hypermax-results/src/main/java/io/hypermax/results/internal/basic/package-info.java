/**
 * Internal types of hypermax-results in this package: {@link BestJsonProvider}, {@link IntermediateCsvProvider}, {@link ResultsCsvProvider}.
 * Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.results.internal.basic;

import io.hypermax.core.stability.API;
