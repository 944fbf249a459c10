/** The Tree-structured Parzen Estimator ({@code search.method: tpe}) and its reusable {@link io.hypermax.optimizers.internal.tpe.TpeSampler}. */
package io.hypermax.optimizers.internal.tpe;
