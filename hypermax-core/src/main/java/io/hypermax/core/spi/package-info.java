/**
 * The plugin SPI: what optimizer, executor, pruner, result generator and storage plugins implement ({@code
 * *Provider}, registered with {@code @AutoService}), and the narrow contexts they are created from. A plugin
 * written against this package, {@code config}, {@code space}, {@code trial}, {@code objective} and {@code
 * history} needs nothing internal (PackageRulesTest). See docs/plugins.md.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.spi;

import io.hypermax.core.stability.API;
