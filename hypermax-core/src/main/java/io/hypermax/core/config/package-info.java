/**
 * Types of hypermax-core in this package: {@link ConfigException}, {@link ConfigNode}, {@link JsonValues}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.config;

import io.hypermax.core.stability.API;
