/** The Tree-structured Parzen Estimator ({@code search.method: tpe}) and its reusable {@link io.hypermax.optimizers.tpe.TpeSampler}. */
package io.hypermax.optimizers.tpe;
