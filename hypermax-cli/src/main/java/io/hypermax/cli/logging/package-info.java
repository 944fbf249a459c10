/**
 * The CLI's SLF4J backend: library modules log through the SLF4J API, and the {@code hypermax}
 * command prints those events as short "warning: ..." lines on stderr, at a level set by
 * {@code -v/--verbose} and {@code --quiet}. Library users bind their own backend instead.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.cli.logging;

import io.hypermax.core.stability.API;
