/** Implementation of the Notify-compatible template language. Not exported. */
@NullMarked
package io.civickit.notify.internal.template;

import org.jspecify.annotations.NullMarked;
