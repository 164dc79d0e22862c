package io.civickit.notify.template;

/**
 * No template of the kind the recipient needs is registered under the requested id: either
 * the id is unknown, or it names a template for another channel (an SMS template for an email
 * address, say).
 */
public final class UnknownTemplateException extends TemplateException {
  private static final long serialVersionUID = 1L;

  private final String templateId;

  /** Creates the exception; the message says why the template could not be used. */
  public UnknownTemplateException(String templateId, String message) {
    super(message);
    this.templateId = templateId;
  }

  /** The requested template id. */
  public String templateId() {
    return templateId;
  }
}
