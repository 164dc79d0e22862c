/**
 * CivicKit notify: email, text message and letter notifications, compatible with GOV.UK Notify.
 *
 * <p><b>Start here:</b> {@link io.civickit.notify.Notifier} is what the rest of CivicKit sends
 * through (one {@link io.civickit.notify.NotificationRequest} to a
 * {@link io.civickit.notify.Recipient}). Build the real one with
 * {@code io.civickit.notify.outbox.Outbox.builder()}: a durable queue in the council's database
 * that renders with a {@link io.civickit.notify.MessageRenderer} (usually
 * {@code io.civickit.notify.template.Templates}) and delivers through channels from
 * {@code io.civickit.notify.channel} (GOV.UK Notify, SMTP, a file outbox, a webhook). Read
 * {@code docs/notify-templates.md} and {@code docs/notify-channels.md} first.
 */
@NullMarked
package io.civickit.notify;

import org.jspecify.annotations.NullMarked;
