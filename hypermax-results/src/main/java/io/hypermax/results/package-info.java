/**
 * Result generator plugins ({@link io.hypermax.core.spi.ResultGeneratorProvider}): the files of a
 * results directory. {@code basic} writes the cheap files after every trial (results.csv,
 * best.json); {@code detail} the charts, correlations and report, from the numbers computed in
 * {@code analysis} and drawn by {@code charts}. See docs/results.md.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
package io.hypermax.results;

import io.hypermax.core.stability.API;
