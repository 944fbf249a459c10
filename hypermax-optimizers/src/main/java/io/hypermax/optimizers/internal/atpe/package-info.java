/**
 * Adaptive-TPE ({@code search.method: atpe}): per suggestion, scale-free statistics of the history
 * ({@link io.hypermax.optimizers.internal.atpe.HistoryFeatures}) go to a learned policy
 * ({@link io.hypermax.optimizers.internal.atpe.PolicyModel}) that picks one action of a catalogue
 * ({@link io.hypermax.optimizers.internal.atpe.AtpeAction}): a model family (an optimizer plugin id: tpe,
 * storm, gp, ...) and, for TPE, the step's settings, history filtering and secondary-parameter locking.
 * The policy is trained by {@link io.hypermax.optimizers.internal.atpe.training} with the same feature code.
 * See docs/atpe.md.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.optimizers.internal.atpe;

import io.hypermax.core.stability.API;
