/**
 * Result generator plugins ({@link io.hypermax.core.spi.ResultGeneratorProvider}): the files of a
 * results directory. {@code basic} writes the cheap files after every trial (results.csv,
 * best.json).
 */
package io.hypermax.results;
