/**
 * JFreeChart renderings of the analyses (drawn headless) and a fast PNG encoder. Every chart takes
 * its data from an {@code analysis} object, so what is drawn is exactly what the CSV beside it holds.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.results.internal.charts;

import io.hypermax.core.stability.API;
