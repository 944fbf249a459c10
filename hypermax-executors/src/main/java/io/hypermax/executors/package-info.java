/**
 * Executor plugins ({@link io.hypermax.core.spi.ExecutorProvider}): how a trial is run.
 *
 * <ul>
 *   <li>{@code jvm}: {@code java_function} (a static Java method in this JVM) and {@code java_process}
 *       (the same in a JVM of its own, through {@code JavaProcessMain});
 *   <li>{@code python}: {@code python_function}, through the {@code hypermax_runner.py} resource;
 *   <li>{@code executable}: {@code executable}, any program;
 *   <li>{@code process}: what the process executors share — starting a trial process, its log,
 *       sampling its process tree, auto-kill ({@code KillLimits}), the parameter and result files;
 *   <li>{@code bench}: the per-trial overhead benchmark (not used at run time).
 * </ul>
 *
 * See docs/executors.md.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
package io.hypermax.executors;

import io.hypermax.core.stability.API;
