/**
 * Internal types of hypermax-core in this package: {@link GuidanceCsv}, {@link GuidanceHistory}.
 * Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.core.internal.guidance;

import io.hypermax.core.stability.API;
