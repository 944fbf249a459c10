/**
 * Guidance as stored: {@code GuidanceHistory} reads the guidance records of a storage, {@code GuidanceCsv} writes
 * {@code guidance.csv} as guidance is applied. Above both {@code guidance} and {@code storage}, so neither needs
 * the other. Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.core.internal.guidance;

import io.hypermax.core.stability.API;
