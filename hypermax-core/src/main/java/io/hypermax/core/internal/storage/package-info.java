/**
 * What hypermax's modules share about {@code --storage} URLs ({@link io.hypermax.core.internal.storage.StorageUrls}:
 * the one redaction of their passwords, for files and messages).
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.core.internal.storage;

import io.hypermax.core.stability.API;
