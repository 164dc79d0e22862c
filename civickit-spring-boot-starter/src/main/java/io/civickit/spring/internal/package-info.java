/** The starter's implementation: lifecycle, meters, health indicators and the failure analyzer. Not API. */
@NullMarked
package io.civickit.spring.internal;

import org.jspecify.annotations.NullMarked;
