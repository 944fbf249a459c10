/**
 * Results of multi-objective studies ({@code search.objectives: pareto}): {@code pareto.csv} (the
 * Pareto front, one row per trial on it) and the front chart(s) ({@code pareto.png} for two
 * objectives, {@code pareto_<a>_<b>.png} for each pair of three or more). Both write nothing
 * when no trial carries an objective vector.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.results.internal.pareto;

import io.hypermax.core.stability.API;
