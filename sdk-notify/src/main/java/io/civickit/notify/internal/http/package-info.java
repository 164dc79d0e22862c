/**
 * Internal: how CivicKit's HTTP channels and destinations read an answer or a failed request as a
 * {@link io.civickit.notify.channel.SendResult} ({@link io.civickit.notify.internal.http.HttpAnswers}).
 * Exported only to sdk-submit.
 */
@NullMarked
package io.civickit.notify.internal.http;

import org.jspecify.annotations.NullMarked;
