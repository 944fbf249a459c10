/**
 * Internal types of hypermax-core in this package: {@link ConfigLoader}, {@link HypermaxConfig}, {@link WebUiSettings}, {@link YamlTree}.
 * Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.core.internal.config;

import io.hypermax.core.stability.API;
