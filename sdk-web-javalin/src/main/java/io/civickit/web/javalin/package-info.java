/**
 * The journey runner in Javalin 7: register {@link io.civickit.web.javalin.JourneyRunnerPlugin}
 * with {@code config.registerPlugin(new JourneyRunnerPlugin(runner))}.
 */
@NullMarked
package io.civickit.web.javalin;

import org.jspecify.annotations.NullMarked;
