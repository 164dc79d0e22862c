/**
 * Saved progress: the {@link io.civickit.core.progress.ProgressStore} SPI with in-memory and
 * JDBC stores, encryption of answers at rest, resume tokens and magic links, and the schema
 * installer.
 */
@NullMarked
package io.civickit.core.progress;

import org.jspecify.annotations.NullMarked;
