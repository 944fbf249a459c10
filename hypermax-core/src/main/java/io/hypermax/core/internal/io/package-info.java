/**
 * File reading shared by hypermax's modules and by trial processes, below every other core package and on the JDK
 * alone ({@link io.hypermax.core.internal.io.FileFollower}: a file another process appends to, line by line).
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.core.internal.io;

import io.hypermax.core.stability.API;
