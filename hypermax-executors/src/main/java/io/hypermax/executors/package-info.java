/**
 * Executor plugins ({@link io.hypermax.core.spi.ExecutorProvider}): how a trial is run.
 * {@code jvm.JavaFunctionProvider} calls a static Java method in this JVM.
 */
package io.hypermax.executors;
