/**
 * The quick-start model trained by the README's first search.
 * Example code: copy it, do not depend on it.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.examples.quickstart;

import io.hypermax.core.stability.API;
