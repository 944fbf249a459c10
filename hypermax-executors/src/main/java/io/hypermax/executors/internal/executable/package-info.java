/**
 * {@code function.type: executable} and {@code slurm}: a command per trial, with parameter placeholders
 * and the result read from the output or the result file.
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.executors.internal.executable;

import io.hypermax.core.stability.API;
