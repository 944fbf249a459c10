/**
 * The {@code hypermax} command line (picocli): running and resuming searches, validating configs, templates and the
 * plugin listing. Wires together every plugin found on the class path and the drop-in plugin path.
 */
package io.hypermax.cli;
