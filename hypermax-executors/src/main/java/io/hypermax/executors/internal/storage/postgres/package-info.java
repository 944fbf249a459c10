/**
 * The PostgreSQL study storage ({@code --storage postgresql://user@host:port/db?study=name}): many
 * {@code hypermax worker} processes share one study. The schema is a versioned DDL ({@link PostgresSchema}).
 */
package io.hypermax.executors.internal.storage.postgres;
