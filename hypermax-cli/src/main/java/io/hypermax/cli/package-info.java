/**
 * The {@code hypermax} command line (picocli): running and resuming searches, validating configs, templates and the
 * plugin listing. Wires together every plugin found on the class path and the drop-in plugin path.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.cli;

import io.hypermax.core.stability.API;
