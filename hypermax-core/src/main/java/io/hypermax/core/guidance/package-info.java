/**
 * Human guidance of a running search, as in the original Hypermax: lock a parameter to a value,
 * scramble it (random values), narrow a number's range, unlock it again. Guidance is recorded in the
 * study's storage (so it survives resume), applied by the {@link io.hypermax.core.study.Study} to
 * every suggestion whatever the optimizer ({@link Guidance}), and reaches a running search from
 * another process through {@link GuidanceInbox}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
package io.hypermax.core.guidance;

import io.hypermax.core.stability.API;
