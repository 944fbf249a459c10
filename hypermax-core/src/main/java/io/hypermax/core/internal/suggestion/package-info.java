/**
 * What an optimizer said about its suggestions ({@link io.hypermax.core.spi.Optimizer#trialMetadata}), kept from the
 * suggestion to the trial's result; shared by the in-process study and the scale-out worker.
 * Internal: no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.core.internal.suggestion;

import io.hypermax.core.stability.API;
