/**
 * The pruners shipped with hypermax ({@code search.pruner}): {@code median} and {@code percentile}
 * (compare a trial with the other trials at the same step), {@code successive_halving} (asynchronous
 * successive halving, ASHA) and {@code hyperband} (several ASHA brackets). They follow Optuna's
 * definitions and setting names; see docs/pruning.md.
 */
package io.hypermax.optimizers.internal.pruning;
