/**
 * Read-only views of a study's trials handed to optimizers, listeners and result generators:
 * {@link io.hypermax.core.history.StudySnapshot} and the append-only {@link io.hypermax.core.history.TrialLog}.
 * Below {@code spi} and {@code study}, so both can use it without a package cycle.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.history;

import io.hypermax.core.stability.API;
