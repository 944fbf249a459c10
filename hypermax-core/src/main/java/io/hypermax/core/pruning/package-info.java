/**
 * Early stopping of bad trials: the learning curves that running trials report ({@link
 * io.hypermax.core.history.LearningCurves}), the handle a function reports through ({@link
 * io.hypermax.core.pruning.TrialHandle}), the line protocol process trials use ({@link
 * io.hypermax.core.pruning.ReportProtocol}) and the common pruner settings ({@link
 * io.hypermax.core.pruning.PrunerSettings}). The pruners themselves are plugins ({@link
 * io.hypermax.core.spi.PrunerProvider}); see docs/pruning.md.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
package io.hypermax.core.pruning;

import io.hypermax.core.stability.API;
