/**
 * Types of hypermax-core in this package: {@link ResourceUsage}, {@link ResultLimits}, {@link ResultParser}, {@link Trial}, {@link TrialResult}, {@link TrialStatus}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.trial;

import io.hypermax.core.stability.API;
