/**
 * The hypermax core: the contracts every other module builds on. It depends on the JDK and Jackson only.
 *
 * <ul>
 *   <li>{@code config}: reading and validating configurations, with file and path in every error;
 *   <li>{@code space}: search spaces, distributions and their internal axes, assignments;
 *   <li>{@code trial}: trials and their results;
 *   <li>{@code spi}: the three plugin SPIs (optimizers, executors, result generators);
 *   <li>{@code plugin}: the ServiceLoader registry and drop-in plugin class path;
 *   <li>{@code study}: the search loop, the journal, snapshots and listeners;
 *   <li>{@code run}: a search driven by a configuration (results directory, resume);
 *   <li>{@code function}: in-JVM objective functions; {@link io.hypermax.core.Hypermax}: the library API.
 * </ul>
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core;

import io.hypermax.core.stability.API;
