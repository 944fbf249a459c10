/**
 * The interactive front-end of the results: {@link io.hypermax.results.internal.web.StudyDocument} turns a study into one
 * JSON document, and the resource {@code hypermax-charts.js} (next to these classes) draws every interactive chart
 * from such a document with Apache ECharts. {@code report.html} embeds both, plus ECharts from its webjar
 * ({@link io.hypermax.results.internal.web.WebAssets}), so it works offline; a web dashboard can serve the same script and
 * the same document over HTTP instead of writing the charts a second time. See docs/results.md.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.results.internal.web;

import io.hypermax.core.stability.API;
