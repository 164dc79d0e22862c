/**
 * Test kit for notifications: {@link io.civickit.test.notify.NotificationChannelContract}, the
 * contract every notification channel must pass, and {@link io.civickit.test.notify.FakeNotify},
 * a fake GOV.UK Notify API for a council's own tests.
 *
 * <p><b>Start here:</b> {@link io.civickit.test.notify.FakeNotify} to test a service that sends through GOV.UK Notify; extend {@link io.civickit.test.notify.NotificationChannelContract} for a channel of your own.
 */
@NullMarked
package io.civickit.test.notify;

import org.jspecify.annotations.NullMarked;
