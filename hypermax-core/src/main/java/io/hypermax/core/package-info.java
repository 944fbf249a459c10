/**
 * The hypermax core: the contracts every other module builds on. It depends on the JDK and Jackson only.
 *
 * <p>Packages by audience (docs/plugins.md): the API for library users ({@link io.hypermax.core.Hypermax},
 * {@code space}, {@code study}, {@code dbr}, {@code function}, {@code objective}, {@code trial}, {@code history},
 * {@code config}); the SPI for plugin authors ({@code spi}, and {@code storage} for storage plugins); and
 * {@code internal.*}, which carries no compatibility promise. Every public type says which with
 * {@link io.hypermax.core.stability.API}.
 *
 * <ul>
 *   <li>{@code config}: reading a config section, with file and path in every error;
 *   <li>{@code space}: search spaces, distributions and their internal axes, assignments;
 *   <li>{@code trial}: trials and their results; {@code objective}: losses, metrics, directions, Pareto fronts;
 *   <li>{@code history}: snapshots and trial logs handed to plugins;
 *   <li>{@code spi}: the plugin SPIs (optimizers, executors, result generators, storage);
 *   <li>{@code study}: the search loop, the journal and listeners; {@code storage}: journal storage;
 *   <li>{@code dbr}: define-by-run tuning; {@code function}: in-JVM objective functions;
 *   <li>{@code internal.config}, {@code internal.plugin}, {@code internal.run}, {@code internal.concurrent}: loading
 *       configurations, the plugin registry, config-driven searches, thread helpers.
 * </ul>
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core;

import io.hypermax.core.stability.API;
