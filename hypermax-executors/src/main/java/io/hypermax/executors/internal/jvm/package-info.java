/**
 * {@code function.type: java_function} (a method in this JVM, with a time limit) and {@code java_process}
 * (a method in a JVM of its own per trial).
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.executors.internal.jvm;

import io.hypermax.core.stability.API;
