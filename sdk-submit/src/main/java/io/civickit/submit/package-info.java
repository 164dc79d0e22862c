/**
 * Submissions: the completed application delivered to the council's back office, never lost.
 *
 * <p>Start at {@link io.civickit.submit.Submissions}: build it with a data source, a key ring,
 * the council's name and a {@link io.civickit.submit.Destination} or several per form, call
 * {@code start()}, and call {@code submit(journey, form)} when a journey completes. The document
 * is {@link io.civickit.submit.Submission}; its renderings are
 * {@link io.civickit.submit.SubmissionJson}, {@link io.civickit.submit.SubmissionCsv} and
 * {@link io.civickit.submit.SubmissionPdf}. Built-in destinations: {@link io.civickit.submit.TeamEmail},
 * {@link io.civickit.submit.CaseWebhook}, {@link io.civickit.submit.RabbitMq} and
 * {@link io.civickit.submit.Destination#folder(java.nio.file.Path)}; a supplier implements
 * {@link io.civickit.submit.Destination} and proves it with {@code DestinationContract} from sdk-test.
 */
@NullMarked
package io.civickit.submit;

import org.jspecify.annotations.NullMarked;
