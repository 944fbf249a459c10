/**
 * Search spaces: {@link io.hypermax.core.space.SpaceBuilder} for library users, the parser of the
 * {@code hyperparameters} section, distributions, conditions and {@link io.hypermax.core.space.Assignment}s.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.space;

import io.hypermax.core.stability.API;
