/**
 * Saved progress: the {@link io.civickit.core.progress.ProgressStore} SPI with in-memory and
 * JDBC stores, encryption of answers at rest, resume tokens and magic links, and the schema
 * installer.
 *
 * <p><b>Start here:</b> {@link io.civickit.core.progress.ProgressStore#jdbc(javax.sql.DataSource,
 * io.civickit.core.progress.KeyRing)} with a {@link io.civickit.core.progress.KeyRing} (or
 * {@code ProgressStore.inMemory()} for one instance), after
 * {@link io.civickit.core.progress.Schema#install(javax.sql.DataSource)} has made the tables; then
 * {@link io.civickit.core.progress.ResumeTokens} for save-and-return links.
 */
@NullMarked
package io.civickit.core.progress;

import org.jspecify.annotations.NullMarked;
