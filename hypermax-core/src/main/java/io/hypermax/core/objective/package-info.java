/**
 * Objectives: how a trial's raw result becomes the loss the optimizers minimise. A config's
 * {@code metrics} section names fields of the result object and resource penalties (time, peak
 * RSS, CPU seconds), each with a weight, a direction and an optional transform; {@link
 * io.hypermax.core.objective.Objective#apply} turns a raw {@link io.hypermax.core.trial.TrialResult}
 * into one whose loss is the weighted sum (and, in a Pareto study, whose objective vector holds
 * each metric's value to minimise). The study applies it in exactly one place, when a result is
 * told; optimizers never see directions. {@link io.hypermax.core.objective.ParetoFront} holds the
 * non-dominated sorting and hypervolume shared by the optimizer, the result files and the bench.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.objective;

import io.hypermax.core.stability.API;
