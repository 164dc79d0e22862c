/** Implementation of sdk-submit: the JDBC store and delivery queue, renderings, built-in destinations. Not API. */
@NullMarked
package io.civickit.submit.internal;

import org.jspecify.annotations.NullMarked;
