/**
 * The reproducible training pipeline of Adaptive-TPE's policy ({@code ./hypermax atpe-train}):
 * simulated objectives, labelled history states, a nearest-neighbour policy fitted and checked on
 * held-out objectives, and the versioned model file plus its report. One master seed; the same
 * seed and code give byte-identical output.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.optimizers.internal.atpe.training;

import io.hypermax.core.stability.API;
