/**
 * Result generator plugins ({@link io.hypermax.core.spi.ResultGeneratorProvider}): the files of a
 * results directory. {@code basic} writes the cheap files after every trial (results.csv,
 * best.json); {@code detail} the charts, correlations and report, from the numbers computed in
 * {@code analysis} and drawn by {@code charts}. See docs/results.md.
 */
package io.hypermax.results;
