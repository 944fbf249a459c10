/**
 * Types of hypermax-core in this package: {@link LearningCurve}, {@link LearningCurves}, {@link StudySnapshot}, {@link TrialLog}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.history;

import io.hypermax.core.stability.API;
