/**
 * The pruners shipped with hypermax ({@code search.pruner}): {@code median} and {@code percentile}
 * (compare a trial with the other trials at the same step), {@code successive_halving} (asynchronous
 * successive halving, ASHA) and {@code hyperband} (several ASHA brackets). They follow Optuna's
 * definitions and setting names; see docs/pruning.md.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.optimizers.internal.pruning;

import io.hypermax.core.stability.API;
