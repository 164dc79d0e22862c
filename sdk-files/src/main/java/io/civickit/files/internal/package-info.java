/** Implementation of sdk-files: stores, the chunk cipher, the clamd client and the checks. Not API. */
@NullMarked
package io.civickit.files.internal;

import org.jspecify.annotations.NullMarked;
