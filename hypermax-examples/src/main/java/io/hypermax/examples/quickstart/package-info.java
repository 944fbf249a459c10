/**
 * Internal types of hypermax-examples in this package: {@link GradientBoostingModel}.
 * Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.examples.quickstart;

import io.hypermax.core.stability.API;
