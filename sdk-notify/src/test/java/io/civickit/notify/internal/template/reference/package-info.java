/**
 * The template rendering as first written, one regular-expression pass per Notify rule, kept
 * unchanged as the reference that {@code FastPathProperties} compares the optimised rendering
 * against: both must make byte-for-byte the same output for any input.
 */
package io.civickit.notify.internal.template.reference;
