/** Reading and writing the JSON form format; not exported (use {@code io.civickit.forms.Forms}). */
@NullMarked
package io.civickit.forms.internal.json;

import org.jspecify.annotations.NullMarked;
