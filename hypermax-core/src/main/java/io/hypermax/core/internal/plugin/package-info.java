/**
 * Internal types of hypermax-core in this package: {@link PluginInfo}, {@link PluginKind}, {@link PluginPath}, {@link Plugins}, {@link UnknownPluginException}.
 * Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.core.internal.plugin;

import io.hypermax.core.stability.API;
