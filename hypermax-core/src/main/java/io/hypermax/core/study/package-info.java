/**
 * The study: the ask/tell and search loop ({@link io.hypermax.core.study.Study}), its journal, trial seeds
 * and listeners.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.study;

import io.hypermax.core.stability.API;
