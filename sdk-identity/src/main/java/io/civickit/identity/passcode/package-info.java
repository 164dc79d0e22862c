/** One-time passcodes by email and text message, sent through sdk-notify. */
@NullMarked
package io.civickit.identity.passcode;

import org.jspecify.annotations.NullMarked;
