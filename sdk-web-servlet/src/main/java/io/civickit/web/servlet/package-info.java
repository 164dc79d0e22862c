/**
 * The journey runner in a servlet container: register
 * {@link io.civickit.web.servlet.JourneyRunnerServlet} at {@code /*}.
 */
@NullMarked
package io.civickit.web.servlet;

import org.jspecify.annotations.NullMarked;
