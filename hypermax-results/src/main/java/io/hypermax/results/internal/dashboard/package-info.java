/**
 * The web dashboard: a token-protected HTTP server on loopback ({@link io.hypermax.results.internal.dashboard.DashboardServer},
 * the JDK's {@code com.sun.net.httpserver}) that serves one page, the same chart front-end as report.html
 * ({@code hypermax-charts.js}, ECharts from its webjar, {@link io.hypermax.results.internal.web.StudyDocument}) and live
 * updates by server-sent events. Where the study comes from is a {@link io.hypermax.results.internal.dashboard.StudySource}:
 * a results directory's journal followed as another process appends to it
 * ({@link io.hypermax.results.internal.dashboard.JournalFollower}), or any {@link io.hypermax.core.storage.StudyStorage}
 * such as a shared PostgreSQL study ({@link io.hypermax.results.internal.dashboard.StorageSource}). See docs/dashboard.md.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.results.internal.dashboard;

import io.hypermax.core.stability.API;
