/**
 * What every process executor shares: the trial template ({@link
 * io.hypermax.executors.internal.process.ProcessTrialExecutor}), kill limits ({@code auto_kill_*}), process
 * trees, output pumps, resource sampling and trial files.
 * Internal: used between hypermax's own modules; no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.executors.internal.process;

import io.hypermax.core.stability.API;
