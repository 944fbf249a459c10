/**
 * Internal types of hypermax-executors in this package: {@link CommandLine}, {@link ExecutableProvider}, {@link ExecutableResults}, {@link Placeholders}, {@link SlurmProvider}.
 * Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.executors.internal.executable;

import io.hypermax.core.stability.API;
