/**
 * Submission delivery counts in Micrometer: {@link io.civickit.submit.micrometer.SubmissionMeters}.
 * Optional: needs {@code micrometer-core} on the class path.
 *
 * <p><b>Start here:</b> {@link io.civickit.submit.micrometer.SubmissionMeters}.
 */
@NullMarked
package io.civickit.submit.micrometer;

import org.jspecify.annotations.NullMarked;
