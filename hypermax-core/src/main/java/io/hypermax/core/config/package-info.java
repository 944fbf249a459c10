/**
 * Reading a plugin's config section: {@link io.hypermax.core.config.ConfigNode} (typed getters, and
 * {@link io.hypermax.core.config.ConfigNode#error} for an error naming file and path), {@link
 * io.hypermax.core.config.ConfigException} and {@link io.hypermax.core.config.JsonValues}. The lowest API package:
 * it depends on nothing else of hypermax. Loading whole configurations is internal ({@code internal.config}).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.config;

import io.hypermax.core.stability.API;
