/**
 * StoRM, the stochastic random mutator ({@code search.method: storm}): random trials first, then
 * mutations of the best trial along a geometric number of axes, never repeating a configuration of
 * the active parameters. See docs/storm.md.
 */
package io.hypermax.optimizers.internal.storm;
