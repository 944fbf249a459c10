/** What running trials use right now (resident memory, CPU), published by executors for live displays. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
package io.hypermax.core.monitor;

import io.hypermax.core.stability.API;
