package io.civickit.notify.template;

/**
 * A rendered text message is longer than GOV.UK Notify accepts
 * ({@value SmsInfo#MAX_CHARACTERS} characters, counted as in {@link SmsInfo}).
 */
public final class SmsTooLongException extends TemplateException {
  private static final long serialVersionUID = 1L;

  private final int characters;

  /** Creates the exception for a message of the given length. */
  public SmsTooLongException(int characters) {
    super("a text message cannot be longer than " + SmsInfo.MAX_CHARACTERS
        + " characters, but this one is " + characters);
    this.characters = characters;
  }

  /** The length of the rejected message. */
  public int characters() {
    return characters;
  }
}
