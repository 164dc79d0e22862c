package io.civickit.web.internal;

/** The ids of the emails the runner sends; {@code io.civickit.web.RunnerTemplates} holds their default text. */
public final class Templates {
  /** The email code. */
  public static final String PASSCODE = "passcode";
  /** The save-and-return link. */
  public static final String SAVE_AND_RETURN = "save-and-return";
  /** The confirmation. */
  public static final String CONFIRMATION = "confirmation";
  /** The adviser's continue-online link. */
  public static final String CONTINUE_ONLINE = "continue-online";
  /** A copy of the person's answers, sent by sdk-submit. */
  public static final String SUBMISSION_COPY = "submission-copy";

  private Templates() {}
}
