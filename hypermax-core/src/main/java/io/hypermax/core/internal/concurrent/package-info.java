/**
 * Thread helpers shared by hypermax's modules ({@link io.hypermax.core.internal.concurrent.DaemonThreads}).
 * Internal: no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.core.internal.concurrent;

import io.hypermax.core.stability.API;
