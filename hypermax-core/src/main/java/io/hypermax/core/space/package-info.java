/**
 * Types of hypermax-core in this package: {@link Assignment}, {@link CategoricalDistribution}, {@link ChoiceDistribution}, {@link Condition}, {@link ConstantDistribution}, {@link Distribution}, {@link NumberDistribution}, {@link Parameter}, ....
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.space;

import io.hypermax.core.stability.API;
