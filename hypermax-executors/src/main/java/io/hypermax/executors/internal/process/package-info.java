/**
 * Internal types of hypermax-executors in this package: {@link EnvironmentSetting}, {@link FileFollower}, {@link KillLimits}, {@link KillWatch}, {@link OutputPump}, {@link ProcessOutcome}, {@link ProcessSpec}, {@link ProcessTree}, ....
 * Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.executors.internal.process;

import io.hypermax.core.stability.API;
