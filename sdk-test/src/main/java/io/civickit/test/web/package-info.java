/**
 * The journey runner's adapter suite: {@link io.civickit.test.web.JourneyRunnerSuite}, extended
 * by every web adapter's tests (servlet, Javalin, a team's own) to prove it serves the runner
 * the same way.
 *
 * <p><b>Start here:</b> extend {@link io.civickit.test.web.JourneyRunnerSuite} in your adapter's test class.
 */
@NullMarked
package io.civickit.test.web;

import org.jspecify.annotations.NullMarked;
