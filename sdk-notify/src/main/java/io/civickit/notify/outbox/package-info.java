/**
 * The durable notification outbox: notifications queued in the council's database (H2 or
 * PostgreSQL) and delivered by workers on any number of app instances, with retries, leases,
 * a shared rate limit, dead-lettering and fallback between channels. Start at
 * {@link io.civickit.notify.outbox.Outbox#builder()}.
 */
@NullMarked
package io.civickit.notify.outbox;

import org.jspecify.annotations.NullMarked;
