package io.civickit.web;

import io.civickit.notify.template.Templates;

/**
 * The emails the runner sends, in GOV.UK Notify's template language, in English and Welsh. A
 * host that builds its own notifier gives its renderer these ids; with GOV.UK Notify, map the
 * ids to the council's Notify templates.
 *
 * <table>
 *   <caption>Templates and their personalisation</caption>
 *   <tr><th>id</th><th>personalisation</th></tr>
 *   <tr><td>{@value #PASSCODE}</td><td>code, minutes</td></tr>
 *   <tr><td>{@value #SAVE_AND_RETURN}</td><td>service, reference, link, expires</td></tr>
 *   <tr><td>{@value #CONFIRMATION}</td><td>service, reference, and each answer by question id</td></tr>
 *   <tr><td>{@value #CONTINUE_ONLINE}</td><td>service, reference, link, expires</td></tr>
 *   <tr><td>{@value #SUBMISSION_COPY}</td><td>service, reference, answers (a list of "question: answer"
 *       lines)</td></tr>
 * </table>
 */
public final class RunnerTemplates {
  /** The email code. */
  public static final String PASSCODE = io.civickit.web.internal.Templates.PASSCODE;
  /** The save-and-return link. */
  public static final String SAVE_AND_RETURN = io.civickit.web.internal.Templates.SAVE_AND_RETURN;
  /** The confirmation. */
  public static final String CONFIRMATION = io.civickit.web.internal.Templates.CONFIRMATION;
  /** The adviser's continue-online link. */
  public static final String CONTINUE_ONLINE = io.civickit.web.internal.Templates.CONTINUE_ONLINE;
  /**
   * A copy of the person's answers, asked for on check your answers: give it to
   * {@code Submissions.builder().applicantCopies(notifier, RunnerTemplates.SUBMISSION_COPY)}.
   */
  public static final String SUBMISSION_COPY = io.civickit.web.internal.Templates.SUBMISSION_COPY;

  private RunnerTemplates() {}

  /**
   * The default templates.
   *
   * @return a builder holding them, to add or replace templates
   */
  public static Templates.Builder defaults() {
    return Templates.builder()
        .email(PASSCODE, "Your code",
            "Your code is ((code))\n\nThe code expires in ((minutes)) minutes.\n\n"
                + "If you did not ask for this code, you can ignore this email.")
        .welsh("Eich cod",
            "Eich cod yw ((code))\n\nMae'r cod yn dod i ben mewn ((minutes)) munud.\n\n"
                + "Os na wnaethoch ofyn am y cod hwn, gallwch anwybyddu'r e-bost hwn.")
        .email(SAVE_AND_RETURN, "Continue your application: ((service))",
            "Your application ((reference)) has been saved.\n\nContinue your application:\n((link))\n\n"
                + "The link works once, until ((expires)). You can also continue with your reference number "
                + "and a code we email to you.")
        .welsh("Parhau â'ch cais: ((service))",
            "Mae eich cais ((reference)) wedi'i gadw.\n\nParhau â'ch cais:\n((link))\n\n"
                + "Mae'r ddolen yn gweithio unwaith, tan ((expires)). Gallwch hefyd barhau gyda'ch cyfeirnod a "
                + "chod y byddwn yn ei anfon atoch drwy e-bost.")
        .email(CONFIRMATION, "Application ((reference)) received",
            "# We have your application\n\nYour reference number is ((reference)).\n\n"
                + "We will email you again when we have looked at it.")
        .welsh("Cais ((reference)) wedi dod i law",
            "# Mae eich cais gennym\n\nEich cyfeirnod yw ((reference)).\n\n"
                + "Byddwn yn anfon e-bost atoch eto pan fyddwn wedi edrych arno.")
        .email(CONTINUE_ONLINE, "Continue your application online: ((service))",
            "An adviser has looked at your application ((reference)). You can now finish it online, "
                + "with your answers kept:\n\n((link))\n\nThe link works once, until ((expires)).")
        .welsh("Parhau â'ch cais ar-lein: ((service))",
            "Mae cynghorydd wedi edrych ar eich cais ((reference)). Gallwch nawr ei orffen ar-lein, "
                + "gyda'ch atebion wedi'u cadw:\n\n((link))\n\nMae'r ddolen yn gweithio unwaith, tan ((expires)).")
        .email(SUBMISSION_COPY, "Your answers: ((service))",
            "# A copy of your answers\n\nYour reference number is ((reference)).\n\n((answers))\n\n"
                + "Keep this email for your records.")
        .welsh("Eich atebion: ((service))",
            "# Copi o'ch atebion\n\nEich cyfeirnod yw ((reference)).\n\n((answers))\n\n"
                + "Cadwch yr e-bost hwn ar gyfer eich cofnodion.");
  }

}
