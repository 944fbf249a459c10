/**
 * The expensive result generators: {@code charts} (every chart with its CSV, notes.txt),
 * {@code correlations} (correlations.csv) and {@code report} (report.html). The file layout is in
 * docs/results.md.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.results.internal.detail;

import io.hypermax.core.stability.API;
