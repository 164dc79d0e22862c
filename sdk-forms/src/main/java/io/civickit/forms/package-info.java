/**
 * Forms: a council's questions, pages, routes and ends as data, read from JSON or built in Java,
 * and run as a journey.
 *
 * <p><b>Start here:</b> {@link io.civickit.forms.Forms#read(java.nio.file.Path)} reads a form file
 * (checked against {@link io.civickit.forms.Forms#schema()}; a bad file throws
 * {@link io.civickit.forms.FormFormatException} listing every problem with its JSON path), or
 * {@link io.civickit.forms.Form#builder} builds one in Java. Then
 * {@link io.civickit.forms.FormJourney#builder} makes it a journey definition for sdk-core's
 * {@code Journeys}, with check your answers and any steps after it; the journey runner in
 * sdk-web serves it as web pages. {@link io.civickit.forms.CheckAnswers} and
 * {@link io.civickit.forms.TaskList} make the summaries. Read {@code docs/forms.md} first.
 */
@NullMarked
package io.civickit.forms;

import org.jspecify.annotations.NullMarked;
