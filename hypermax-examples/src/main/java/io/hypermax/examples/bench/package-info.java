/**
 * Internal types of hypermax-examples in this package: {@link BenchmarkProblem}, {@link BenchmarkProblems}, {@link BenchmarkRunner}, {@link BenchmarkSuite}, {@link LearningCurveBenchmark}, {@link LearningCurveFamily}, {@link LoopObjective}, {@link MethodSpec}, ....
 * Internal: used between hypermax's own modules, no compatibility between releases.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.examples.bench;

import io.hypermax.core.stability.API;
