/**
 * JFreeChart renderings of the analyses (drawn headless) and a fast PNG encoder. Every chart takes
 * its data from an {@code analysis} object, so what is drawn is exactly what the CSV beside it holds.
 */
package io.hypermax.results.internal.charts;
