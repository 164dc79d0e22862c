/**
 * The journey runner. Start at {@link io.civickit.web.JourneyRunner#builder()}: give it a form,
 * a database and a notifier (or {@link io.civickit.web.ServiceSettings} read from a file), then
 * hand each request to {@link io.civickit.web.JourneyRunner#handle(WebRequest)} from an adapter
 * ({@code sdk-web-servlet}, {@code sdk-web-javalin}). Hosts add pages with
 * {@link io.civickit.web.PageHandler} and plug step pages in with {@link io.civickit.web.StepPage}.
 */
@NullMarked
package io.civickit.web;

import org.jspecify.annotations.NullMarked;
