/**
 * The journey runner in Javalin 7: register {@link io.civickit.web.javalin.JourneyRunnerPlugin}
 * with {@code config.registerPlugin(new JourneyRunnerPlugin(runner))}.
 *
 * <p><b>Start here:</b> {@link io.civickit.web.javalin.JourneyRunnerPlugin}, given a runner from {@code io.civickit.web.JourneyRunner.builder}.
 */
@NullMarked
package io.civickit.web.javalin;

import org.jspecify.annotations.NullMarked;
