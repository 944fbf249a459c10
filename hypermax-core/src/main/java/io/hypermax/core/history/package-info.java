/**
 * Read-only views of a study's trials handed to optimizers, listeners and result generators:
 * {@link io.hypermax.core.history.StudySnapshot}, the append-only {@link io.hypermax.core.history.TrialLog} and the
 * learning curves running trials report ({@link io.hypermax.core.history.LearningCurves}).
 * Below {@code spi} and {@code study}, so both can use it without a package cycle.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.history;

import io.hypermax.core.stability.API;
