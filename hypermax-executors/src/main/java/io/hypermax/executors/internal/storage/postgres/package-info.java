/**
 * The PostgreSQL study storage ({@code --storage postgresql://user@host:port/db?study=name}): many
 * {@code hypermax worker} processes share one study. The schema is a versioned DDL ({@link PostgresSchema}).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.executors.internal.storage.postgres;

import io.hypermax.core.stability.API;
