package io.civickit.notify.template;

import io.civickit.core.CivicKitException;

/**
 * The root of the exceptions a template throws while rendering. Each subclass is a fault in the
 * caller's data or set-up (an unknown template, missing personalisation, a text too long to
 * send), never an infrastructure fault.
 */
public abstract class TemplateException extends CivicKitException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what went wrong. */
  protected TemplateException(String message) {
    super(message);
  }
}
