/**
 * The numbers behind the charts, free of any drawing: observations, buckets, single-parameter
 * series with trends, two-parameter cell grids, colour stops, correlations, importance, history.
 * Rules and formulas are documented in docs/results.md.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.results.internal.analysis;

import io.hypermax.core.stability.API;
