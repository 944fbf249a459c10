/**
 * Types of hypermax-core in this package: {@link Journal}, {@link Study}, {@link StudyListener}, {@link TrialSeeds}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.study;

import io.hypermax.core.stability.API;
