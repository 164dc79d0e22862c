/**
 * Notification channels: the {@link io.civickit.notify.channel.NotificationChannel} SPI and the
 * built-in channels (GOV.UK Notify, SMTP, a file outbox, a signed webhook).
 *
 * <p><b>Start here:</b> {@link io.civickit.notify.channel.GovUkNotify#builder()} for GOV.UK
 * Notify, {@link io.civickit.notify.channel.Smtp#builder()} for the council's mail server; hand
 * the channel to {@code Outbox.builder().channel(...)}. A channel makes one delivery attempt and
 * reports what happened as a {@link io.civickit.notify.channel.SendResult}; retries, backoff, rate
 * limits and fallback are the job of the durable outbox in {@code io.civickit.notify.outbox}.
 */
@NullMarked
package io.civickit.notify.channel;

import org.jspecify.annotations.NullMarked;
