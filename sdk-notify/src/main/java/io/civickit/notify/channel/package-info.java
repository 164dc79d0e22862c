/**
 * Notification channels: the {@link io.civickit.notify.channel.NotificationChannel} SPI and the
 * built-in channels (GOV.UK Notify, SMTP, a file outbox, a signed webhook).
 *
 * <p>A channel makes one delivery attempt and reports what happened as a
 * {@link io.civickit.notify.channel.SendResult}; retries, backoff, rate limits and fallback are
 * the job of the durable outbox in {@code io.civickit.notify.outbox}.
 */
@NullMarked
package io.civickit.notify.channel;

import org.jspecify.annotations.NullMarked;
