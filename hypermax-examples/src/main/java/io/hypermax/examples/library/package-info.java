/**
 * The README's library snippets as compiled, tested code: each class holds one snippet between
 * {@code // snippet:NAME} and {@code // end:NAME} comments, and ReadmeSnippetsTest checks that the
 * Java blocks of README.md's "As a library" section and docs/library.md are exactly these regions.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.examples.library;

import io.hypermax.core.stability.API;
