/**
 * {@code function.type: python_function}: a Python function per trial through the bundled runner script.
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.executors.internal.python;

import io.hypermax.core.stability.API;
