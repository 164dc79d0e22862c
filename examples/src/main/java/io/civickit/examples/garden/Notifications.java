package io.civickit.examples.garden;

import io.civickit.notify.template.Templates;

/**
 * The service's email templates, in GOV.UK Notify's template language, in English and Welsh.
 * With {@code --notifications notify} the same ids are mapped to the council's Notify templates.
 */
final class Notifications {
  static final String PASSCODE = "passcode";
  static final String SAVE_AND_RETURN = "save-and-return";
  static final String CONFIRMATION = "confirmation";
  static final String CONTINUE_ONLINE = "continue-online";

  private Notifications() {}

  static Templates templates() {
    return Templates.builder()
        .email(PASSCODE, "Your code for your garden waste permit application",
            "Your code is ((code))\n\nThe code expires in ((minutes)) minutes.\n\n"
                + "If you did not ask for this code, you can ignore this email.")
        .welsh("Eich cod ar gyfer eich cais am drwydded gwastraff gardd",
            "Eich cod yw ((code))\n\nMae'r cod yn dod i ben mewn ((minutes)) munud.\n\n"
                + "Os na wnaethoch ofyn am y cod hwn, gallwch anwybyddu'r e-bost hwn.")
        .email(SAVE_AND_RETURN, "Continue your garden waste permit application",
            "Your application ((reference)) has been saved.\n\n"
                + "Continue your application:\n((link))\n\n"
                + "The link works until ((expires)). You can also continue with your reference number "
                + "and a code we email to you.")
        .welsh("Parhau â'ch cais am drwydded gwastraff gardd",
            "Mae eich cais ((reference)) wedi'i gadw.\n\n"
                + "Parhau â'ch cais:\n((link))\n\n"
                + "Mae'r ddolen yn gweithio tan ((expires)). Gallwch hefyd barhau gyda'ch cyfeirnod a chod y "
                + "byddwn yn ei anfon atoch drwy e-bost.")
        .email(CONFIRMATION, "Garden waste permit application ((reference)) received",
            "# We have your application\n\nYour reference number is ((reference)).\n\n"
                + "* Bins: ((bins))\n* First collection on or after: ((start))\n\n"
                + "We will email you again when your permit is ready.")
        .welsh("Cais am drwydded gwastraff gardd ((reference)) wedi dod i law",
            "# Mae eich cais gennym\n\nEich cyfeirnod yw ((reference)).\n\n"
                + "* Biniau: ((bins))\n* Casgliad cyntaf ar neu ar ôl: ((start))\n\n"
                + "Byddwn yn anfon e-bost atoch eto pan fydd eich trwydded yn barod.")
        .email(CONTINUE_ONLINE, "Continue your garden waste permit application online",
            "An adviser has looked at your application ((reference)). You can now finish it online, "
                + "with your answers kept:\n\n((link))\n\nThe link works until ((expires)).")
        .welsh("Parhau â'ch cais am drwydded gwastraff gardd ar-lein",
            "Mae cynghorydd wedi edrych ar eich cais ((reference)). Gallwch nawr ei orffen ar-lein, "
                + "gyda'ch atebion wedi'u cadw:\n\n((link))\n\nMae'r ddolen yn gweithio tan ((expires)).")
        .build();
  }
}
