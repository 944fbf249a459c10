/**
 * Loading a whole configuration file (YAML or JSON) into a validated {@link
 * io.hypermax.core.internal.config.HypermaxConfig}; the core's own keys are checked here, plugin sections by
 * {@code internal.plugin.SectionKeys}; and {@link io.hypermax.core.internal.config.MethodText}, an optimizer with settings as
 * the bench commands name it.
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.core.internal.config;

import io.hypermax.core.stability.API;
