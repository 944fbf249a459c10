/**
 * The expensive result generators: {@code charts} (every chart with its CSV, notes.txt),
 * {@code correlations} (correlations.csv) and {@code report} (report.html). The file layout is in
 * docs/results.md.
 */
package io.hypermax.results.internal.detail;
