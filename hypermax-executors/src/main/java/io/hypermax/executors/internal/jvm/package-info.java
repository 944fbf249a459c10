/**
 * Internal types of hypermax-executors in this package: {@link JavaFunctionProvider}, {@link JavaMethodTarget}, {@link JavaProcessExecutorAccess}, {@link JavaProcessMain}, {@link JavaProcessProvider}.
 * Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.executors.internal.jvm;

import io.hypermax.core.stability.API;
