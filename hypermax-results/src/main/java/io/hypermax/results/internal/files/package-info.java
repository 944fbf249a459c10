/**
 * File helpers of the result generators, below every other results package: atomic writes, CSV
 * quoting, safe chart file names, and the one safe way to read a trial's log (the dashboard's and the console UI's).
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.results.internal.files;

import io.hypermax.core.stability.API;
