/**
 * Trials and their outcomes: {@link io.hypermax.core.trial.Trial}, {@link
 * io.hypermax.core.trial.TrialResult}, status, resource usage, and the parsing of what a function returned.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.trial;

import io.hypermax.core.stability.API;
