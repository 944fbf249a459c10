/**
 * Internal types of hypermax-core in this package: {@link DirectoryLock}, {@link GuidanceDelivery}, {@link Pruners}, {@link ResultPublisher}, {@link ResultsDirectories}, {@link ResultsRegeneration}, {@link SearchRun}, {@link SeedPolicy}, ....
 * Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.core.internal.run;

import io.hypermax.core.stability.API;
