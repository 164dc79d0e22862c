/**
 * Test kit for notifications: {@link io.civickit.test.notify.NotificationChannelContract}, the
 * contract every notification channel must pass, and {@link io.civickit.test.notify.FakeNotify},
 * a fake GOV.UK Notify API for a council's own tests.
 */
@NullMarked
package io.civickit.test.notify;

import org.jspecify.annotations.NullMarked;
