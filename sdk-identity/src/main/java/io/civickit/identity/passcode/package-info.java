/**
 * One-time passcodes by email and text message, sent through sdk-notify.
 *
 * <p><b>Start here:</b> {@code Passcodes.builder()} with a {@code Notifier}, the template ids, a
 * server key and an {@code IdentityStore}; then {@link io.civickit.identity.passcode.Passcodes#send}
 * and {@link io.civickit.identity.passcode.Passcodes#verify}.
 */
@NullMarked
package io.civickit.identity.passcode;

import org.jspecify.annotations.NullMarked;
