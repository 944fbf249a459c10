/**
 * Bayesian optimisation with a Gaussian process ({@code search.method: gp}): a Matérn-5/2 ARD surrogate on the
 * unit cube of the shared internal axes, hyperparameters fitted by maximum a posteriori marginal likelihood
 * (L-BFGS), and log expected improvement maximised over a Sobol candidate set with local refinement. Entry
 * point: {@link io.hypermax.optimizers.internal.gp.GpProvider}; the design and its measurements are in docs/gp.md.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.optimizers.internal.gp;

import io.hypermax.core.stability.API;
