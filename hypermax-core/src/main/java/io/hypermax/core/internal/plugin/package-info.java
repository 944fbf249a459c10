/**
 * The plugin registry: ServiceLoader discovery over the class path and the drop-in plugin path ({@link
 * io.hypermax.core.internal.plugin.Plugins}), the check of plugin sections against declared keys ({@link
 * io.hypermax.core.internal.plugin.SectionKeys}) and the dependency order of result generators ({@link
 * io.hypermax.core.internal.plugin.GeneratorOrder}).
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.core.internal.plugin;

import io.hypermax.core.stability.API;
