/** The Tree-structured Parzen Estimator ({@code search.method: tpe}) and its reusable {@link io.hypermax.optimizers.internal.tpe.TpeSampler}. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.optimizers.internal.tpe;

import io.hypermax.core.stability.API;
