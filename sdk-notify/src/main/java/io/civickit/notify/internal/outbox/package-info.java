/** Implementation of the JDBC outbox. Not API. */
@NullMarked
package io.civickit.notify.internal.outbox;

import org.jspecify.annotations.NullMarked;
