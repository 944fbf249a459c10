/**
 * The {@link io.hypermax.core.stability.API} marker that states, on every public type, how far it may
 * be relied on and since which release.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.stability;
