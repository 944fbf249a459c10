/**
 * Where a study is recorded: the {@link io.hypermax.core.storage.StudyStorage} SPI and its two bundled
 * backends, the file journal ({@link io.hypermax.core.study.Journal}, the default, built from
 * {@link io.hypermax.core.storage.JournalFile} for the bytes on disk, {@link io.hypermax.core.storage.JournalCodec}
 * for the typed, versioned event records and {@link io.hypermax.core.storage.JournalReplay} for rebuilding a
 * study) and {@link io.hypermax.core.storage.InMemoryStorage} for library use and benchmarks.
 * {@link io.hypermax.core.storage.SharedStudyStorage} is one study shared by many worker processes (PostgreSQL); its
 * pruners read only what changed since their last read ({@link io.hypermax.core.storage.CurveUpdates}).
 *
 * <p>Durability: every finished trial is written to the operating system before the next suggestion
 * is made; fsync follows the {@link io.hypermax.core.storage.FsyncPolicy} (group commit by default).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
package io.hypermax.core.storage;

import io.hypermax.core.stability.API;
