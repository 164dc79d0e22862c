/**
 * The journey runner's adapter suite: {@link io.civickit.test.web.JourneyRunnerSuite}, extended
 * by every web adapter's tests (servlet, Javalin, a team's own) to prove it serves the runner
 * the same way.
 */
@NullMarked
package io.civickit.test.web;

import org.jspecify.annotations.NullMarked;
