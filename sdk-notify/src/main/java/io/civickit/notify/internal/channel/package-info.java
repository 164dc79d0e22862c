/** Implementation of the built-in notification channels. Not API. */
@NullMarked
package io.civickit.notify.internal.channel;

import org.jspecify.annotations.NullMarked;
