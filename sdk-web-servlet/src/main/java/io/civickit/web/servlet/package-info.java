/**
 * The journey runner in a servlet container: register
 * {@link io.civickit.web.servlet.JourneyRunnerServlet} at {@code /*}.
 *
 * <p><b>Start here:</b> {@link io.civickit.web.servlet.JourneyRunnerServlet}, given a runner from {@code io.civickit.web.JourneyRunner.builder}.
 */
@NullMarked
package io.civickit.web.servlet;

import org.jspecify.annotations.NullMarked;
