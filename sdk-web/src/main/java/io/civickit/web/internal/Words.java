package io.civickit.web.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The runner's own words (everything the form does not hold), in English and Welsh. A host
 * replaces any of them by key ({@code JourneyRunner.Builder.text}); an empty text leaves its
 * paragraph out.
 */
public final class Words {
  /** Welsh. */
  public static final Locale WELSH = Locale.forLanguageTag("cy");

  private final Map<String, String[]> words;

  private Words(Map<String, String[]> words) {
    this.words = Map.copyOf(words);
  }

  /**
   * The defaults with some replaced.
   *
   * @param overrides key to {english, welsh}
   * @return the words
   * @throws IllegalArgumentException for a key the runner does not use
   */
  public static Words with(Map<String, String[]> overrides) {
    Map<String, String[]> all = new HashMap<>(DEFAULTS);
    overrides.forEach((k, v) -> {
      if (!DEFAULTS.containsKey(k)) {
        throw new IllegalArgumentException("no runner text \"" + k + "\"; known: " + new TreeSet<>(DEFAULTS.keySet()));
      }
      all.put(k, v);
    });
    return new Words(all);
  }

  /**
   * Whether a text key exists.
   *
   * @param key the key
   * @return true if the runner uses it
   */
  public static boolean known(String key) {
    return DEFAULTS.containsKey(key);
  }

  /**
   * Whether a locale is Welsh.
   *
   * @param l the locale
   * @return true for {@code cy}
   */
  public static boolean welsh(Locale l) {
    return "cy".equals(l.getLanguage());
  }

  /**
   * The text for a key in the locale's language.
   *
   * @param locale the language
   * @param key the key
   * @return the text
   */
  public String t(Locale locale, String key) {
    String[] pair = words.get(key);
    if (pair == null) {
      throw new IllegalArgumentException("no text \"" + key + "\"");
    }
    return welsh(locale) ? pair[1] : pair[0];
  }

  private static String[] p(String en, String cy) {
    return new String[] {en, cy};
  }

  static final Map<String, String[]> DEFAULTS = Map.ofEntries(

            Map.entry("council", p("Your council", "Eich cyngor")),
      Map.entry("skip", p("Skip to main content", "Neidio i'r prif gynnwys")),
      Map.entry("back", p("Back", "Yn ôl")),
      Map.entry("address.find.postcode", p("Postcode", "Cod post")),
      Map.entry("address.find.postcode.hint", p("For example, AA3 1AB", "Er enghraifft, AA3 1AB")),
      Map.entry("address.find.postcode.empty", p("Enter a postcode", "Rhowch god post")),
      Map.entry("address.find.postcode.invalid", p("Enter a full UK postcode", "Rhowch god post llawn yn y DU")),
      Map.entry("address.find.button", p("Find address", "Dod o hyd i gyfeiriad")),
      Map.entry("address.find.manual", p("Enter the address manually", "Rhowch y cyfeiriad â llaw")),
      Map.entry("address.find.found.one", p("1 address found for {postcode}.",
          "Daethpwyd o hyd i 1 cyfeiriad ar gyfer {postcode}.")),
      Map.entry("address.find.found.many", p("{count} addresses found for {postcode}.",
          "Daethpwyd o hyd i {count} cyfeiriad ar gyfer {postcode}.")),
      Map.entry("address.find.change", p("Change postcode", "Newid y cod post")),
      Map.entry("address.find.select", p("Select an address", "Dewiswch gyfeiriad")),
      Map.entry("address.find.count.one", p("1 address found", "Daethpwyd o hyd i 1 cyfeiriad")),
      Map.entry("address.find.count.many", p("{count} addresses found", "Daethpwyd o hyd i {count} cyfeiriad")),
      Map.entry("address.find.select.empty", p("Select an address", "Dewiswch gyfeiriad")),
      Map.entry("address.find.notlisted", p("I cannot find the address in the list",
          "Ni allaf ddod o hyd i'r cyfeiriad yn y rhestr")),
      Map.entry("address.find.none", p("We could not find an address for {postcode}.",
          "Nid oeddem yn gallu dod o hyd i gyfeiriad ar gyfer {postcode}.")),
      Map.entry("address.find.again", p("Search again", "Chwilio eto")),
      Map.entry("language.nav", p("Language", "Iaith")),
      Map.entry("help.link", p("Get help with this form", "Cael help gyda'r ffurflen hon")),
      Map.entry("help.stuck", p("Stuck? An adviser can pick up your application where you are, with your answers so far.",
          "Yn sownd? Gall cynghorydd godi eich cais lle rydych chi, gyda'ch atebion hyd yma.")),
      Map.entry("save.button", p("Save and come back later", "Cadw a dod yn ôl yn nes ymlaen")),
      Map.entry("footer.accessibility", p("Accessibility statement", "Datganiad hygyrchedd")),
      Map.entry("footer.privacy", p("Privacy", "Preifatrwydd")),
      Map.entry("footer.agents", p("Adviser sign in", "Mewngofnodi cynghorwyr")),
            Map.entry("footer.licence", p("Built with CivicKit", "Adeiladwyd gyda CivicKit")),
            Map.entry("start.intro", p("Answer the questions on the following pages.", "Atebwch y cwestiynau ar y tudalennau canlynol.")),
            Map.entry("start.need", p("You can save your answers and come back later.", "Gallwch gadw eich atebion a dod yn ôl yn nes ymlaen.")),
      Map.entry("start.button", p("Start now", "Dechrau nawr")),
      Map.entry("start.resume.heading", p("Continue an application", "Parhau â chais")),
      Map.entry("start.resume.link", p("Continue an application you saved", "Parhau â chais a gadwyd gennych")),
            Map.entry("start.offline", p("", "")),
      Map.entry("check.title", p("Check your answers before sending your application",
          "Gwiriwch eich atebion cyn anfon eich cais")),
      Map.entry("check.send.heading", p("Now send your application", "Nawr anfonwch eich cais")),
      Map.entry("check.send.text", p("By sending this application you are confirming that, to the best of your "
          + "knowledge, the details you are providing are correct. We will email you a code to check your email "
          + "address first.", "Drwy anfon y cais hwn rydych yn cadarnhau bod y manylion rydych yn eu darparu yn "
          + "gywir, hyd eithaf eich gwybodaeth. Byddwn yn anfon cod atoch drwy e-bost i wirio eich cyfeiriad "
          + "e-bost yn gyntaf.")),
      Map.entry("check.send.button", p("Accept and send", "Derbyn ac anfon")),
      Map.entry("check.copy", p("Email me a copy of my answers", "Anfonwch gopi o fy atebion ataf drwy e-bost")),
      Map.entry("check.copy.hint", p("We will send it to the email address you gave us.",
          "Byddwn yn ei anfon i'r cyfeiriad e-bost a roesoch i ni.")),
      Map.entry("confirmation.copy", p("We have sent a copy of your answers to:",
          "Rydym wedi anfon copi o'ch atebion i:")),
      Map.entry("yes", p("Yes", "Ydw")),
      Map.entry("no", p("No", "Nac ydw")),
      Map.entry("code.title", p("Check your email", "Gwiriwch eich e-bost")),
      Map.entry("code.sent", p("We have sent a code to:", "Rydym wedi anfon cod i:")),
      Map.entry("code.expiry", p("The code expires after 15 minutes.", "Mae'r cod yn dod i ben ar ôl 15 munud.")),
      Map.entry("code.label", p("Code", "Cod")),
      Map.entry("code.hint", p("The code is 6 numbers", "Mae'r cod yn 6 rhif")),
      Map.entry("code.resend", p("Send a new code", "Anfon cod newydd")),
      Map.entry("code.resent", p("We have sent a new code.", "Rydym wedi anfon cod newydd.")),
      Map.entry("code.wait", p("Wait a minute before asking for another code.",
          "Arhoswch funud cyn gofyn am god arall.")),
      Map.entry("confirmation.reference", p("Your reference number", "Eich cyfeirnod")),
      Map.entry("confirmation.next", p("What happens next", "Beth sy'n digwydd nesaf")),
      Map.entry("confirmation.keep", p("Keep your reference number. You will need it if you contact us about "
          + "your permit.", "Cadwch eich cyfeirnod. Bydd ei angen arnoch os byddwch yn cysylltu â ni am eich "
          + "trwydded.")),
      Map.entry("save.title", p("Save your application and come back later",
          "Cadw eich cais a dod yn ôl yn nes ymlaen")),
      Map.entry("save.text", p("We will email you a link to continue your application. The link works for 7 days.",
          "Byddwn yn anfon dolen atoch drwy e-bost i barhau â'ch cais. Mae'r ddolen yn gweithio am 7 diwrnod.")),
      Map.entry("save.email", p("Email address", "Cyfeiriad e-bost")),
      Map.entry("save.send", p("Save and send link", "Cadw ac anfon dolen")),
      Map.entry("saved.title", p("Your application has been saved", "Mae eich cais wedi'i gadw")),
      Map.entry("saved.text", p("We have sent a link to continue your application to your email address. You can "
          + "also continue with your reference number and a code we email to you.", "Rydym wedi anfon dolen i "
          + "barhau â'ch cais i'ch cyfeiriad e-bost. Gallwch hefyd barhau gyda'ch cyfeirnod a chod y byddwn yn ei "
          + "anfon atoch drwy e-bost.")),
      Map.entry("resume.title", p("Continue your application", "Parhau â'ch cais")),
      Map.entry("resume.reference", p("Reference number", "Cyfeirnod")),
      Map.entry("resume.reference.hint", p("For example, 7KD-4MX-R9T", "Er enghraifft, 7KD-4MX-R9T")),
      Map.entry("resume.email", p("Email address", "Cyfeiriad e-bost")),
      Map.entry("resume.email.hint", p("The email address you gave us", "Y cyfeiriad e-bost a roesoch i ni")),
      Map.entry("resume.reference.error", p("Enter your reference number, like 7KD-4MX-R9T",
          "Rhowch eich cyfeirnod, fel 7KD-4MX-R9T")),
      Map.entry("resume.email.error", p("Enter an email address in the correct format, like name@example.com",
          "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com")),
      Map.entry("resume.code.text", p("If the reference number and email address match an application, we have "
          + "sent a code to that email address.", "Os yw'r cyfeirnod a'r cyfeiriad e-bost yn cyfateb i gais, "
          + "rydym wedi anfon cod i'r cyfeiriad e-bost hwnnw.")),
      Map.entry("resume.code.error", p("The code is not right. Check the email we sent and try again",
          "Nid yw'r cod yn gywir. Gwiriwch yr e-bost a anfonwyd gennym a rhowch gynnig arall arni")),
      Map.entry("link.expired.title", p("This link has expired", "Mae'r ddolen hon wedi dod i ben")),
      Map.entry("link.superseded.title", p("This link no longer works", "Nid yw'r ddolen hon yn gweithio mwyach")),
      Map.entry("link.superseded.text", p("We have sent you a newer link. Use the link in the most recent email.",
          "Rydym wedi anfon dolen fwy diweddar atoch. Defnyddiwch y ddolen yn yr e-bost diweddaraf.")),
      Map.entry("link.unknown.title", p("This link does not work", "Nid yw'r ddolen hon yn gweithio")),
      Map.entry("link.finished.title", p("This application has already been sent", "Mae'r cais hwn eisoes wedi'i anfon")),
      Map.entry("link.other", p("You can continue with your reference number and email address instead.",
          "Gallwch barhau gyda'ch cyfeirnod a'ch cyfeiriad e-bost yn lle hynny.")),
      Map.entry("help.title", p("Get help with your application", "Cael help gyda'ch cais")),
      Map.entry("help.text", p("An adviser will look at your application with the answers you have given so far. "
          + "They will contact you and send you a link so you can finish online. You will not need to start again.",
          "Bydd cynghorydd yn edrych ar eich cais gyda'r atebion rydych wedi'u rhoi hyd yma. Byddant yn cysylltu â "
          + "chi ac yn anfon dolen atoch fel y gallwch orffen ar-lein. Ni fydd angen i chi ddechrau eto.")),
      Map.entry("help.email", p("Email address", "Cyfeiriad e-bost")),
      Map.entry("help.email.hint", p("We will send the link to continue to this address",
          "Byddwn yn anfon y ddolen i barhau i'r cyfeiriad hwn")),
      Map.entry("help.button", p("Ask an adviser for help", "Gofyn i gynghorydd am help")),
            Map.entry("help.nojourney", p("You have not started an application yet. Start an application and use this link on any page.", "Nid ydych wedi dechrau cais eto. Dechreuwch gais a defnyddio'r ddolen hon ar unrhyw dudalen.")),
      Map.entry("helped.title", p("An adviser will help you", "Bydd cynghorydd yn eich helpu")),
      Map.entry("helped.auto", p("You seem to be having trouble with this page, so we have passed your application "
          + "to an adviser.", "Mae'n ymddangos eich bod yn cael trafferth gyda'r dudalen hon, felly rydym wedi "
          + "trosglwyddo eich cais i gynghorydd.")),
      Map.entry("helped.next", p("An adviser will contact you by the end of the next working day. They can see your "
          + "answers so far, and will email you a link to finish your application online.", "Bydd cynghorydd yn "
          + "cysylltu â chi erbyn diwedd y diwrnod gwaith nesaf. Gallant weld eich atebion hyd yma, a byddant yn "
          + "anfon dolen atoch drwy e-bost i orffen eich cais ar-lein.")),
      Map.entry("helped.continue", p("You can still carry on yourself:", "Gallwch barhau eich hun o hyd:")),
      Map.entry("helped.continue.link", p("go back to your application", "mynd yn ôl at eich cais")),
      Map.entry("notfound.title", p("Page not found", "Heb ddod o hyd i'r dudalen")),
      Map.entry("notfound.text", p("If you typed the web address, check it is correct.",
          "Os gwnaethoch deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir.")),
      Map.entry("error.title", p("Sorry, there is a problem with the service",
          "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth")),
      Map.entry("error.text", p("Try again later. Your answers have been saved.",
          "Rhowch gynnig arall arni yn nes ymlaen. Mae eich atebion wedi'u cadw.")),
      Map.entry("forbidden.title", p("Your session has ended", "Mae eich sesiwn wedi dod i ben")),
      Map.entry("forbidden.text", p("We could not accept that form. Go back, reload the page and try again.",
          "Ni allem dderbyn y ffurflen honno. Ewch yn ôl, ail-lwythwch y dudalen a rhowch gynnig arall arni.")),
      Map.entry("expired.text", p("Start again, or continue an application you saved.",
          "Dechreuwch eto, neu parhewch â chais a gadwyd gennych.")),
      Map.entry("start.again", p("Start again", "Dechrau eto")),
            Map.entry("accessibility.text", p("This service is tested with axe-core against WCAG 2.2 AA, in English and in Welsh, on every page with and without errors.", "Caiff y gwasanaeth hwn ei brofi gydag axe-core yn erbyn WCAG 2.2 AA, yn Saesneg ac yn Gymraeg, ar bob tudalen gyda gwallau a hebddynt.")),
            Map.entry("privacy.text", p("We use your answers only to process your application. They are encrypted when stored, and deleted 28 days after your last change if you do not send your application.", "Rydym yn defnyddio eich atebion i brosesu eich cais yn unig. Cânt eu hamgryptio pan gânt eu storio, a'u dileu 28 diwrnod ar ôl eich newid diwethaf os na fyddwch yn anfon eich cais.")),
      Map.entry("footer.cookies", p("Cookies", "Cwcis")),
      Map.entry("cookies.text", p("This service uses one cookie, which is essential: it keeps your session while you use the service and is deleted when your session ends. It holds no personal information.", "Mae'r gwasanaeth hwn yn defnyddio un cwci, sy'n hanfodol: mae'n cadw eich sesiwn tra byddwch yn defnyddio'r gwasanaeth ac mae'n cael ei ddileu pan ddaw eich sesiwn i ben. Nid yw'n cynnwys unrhyw wybodaeth bersonol.")),
      Map.entry("continue", p("Continue", "Parhau")),
      Map.entry("bad.title", p("Sorry, there is a problem with that request", "Mae'n ddrwg gennym, mae problem gyda'r cais hwnnw")),
      Map.entry("bad.text", p("Go back and try again.", "Ewch yn ôl a rhowch gynnig arall arni.")),
      Map.entry("toolarge.title", p("That was too much to send", "Roedd hynny'n ormod i'w anfon")),
      Map.entry("toolarge.text", p("Go back, shorten your answers and try again.", "Ewch yn ôl, byrhewch eich atebion a rhowch gynnig arall arni.")),
      Map.entry("pay.title", p("Pay for your application", "Talu am eich cais")),
      Map.entry("pay.intro", p("You need to pay before we can process your application.", "Mae angen i chi dalu cyn y gallwn brosesu eich cais.")),
      Map.entry("pay.caption", p("What you are paying for", "Am beth rydych chi'n talu")),
      Map.entry("pay.check.caption", p("Fee to pay", "Ffi i'w thalu")),
      Map.entry("pay.item", p("Item", "Eitem")),
      Map.entry("pay.amount", p("Amount", "Swm")),
      Map.entry("pay.total", p("Total to pay", "Cyfanswm i'w dalu")),
      Map.entry("pay.card", p("You will pay by debit or credit card on GOV.UK Pay, then come back here.", "Byddwch yn talu â cherdyn debyd neu gredyd ar GOV.UK Pay, ac yna'n dod yn ôl yma.")),
      Map.entry("pay.button", p("Pay now", "Talu nawr")),
      Map.entry("pay.again", p("Try again", "Rhoi cynnig arall arni")),
      Map.entry("pay.help", p("Get help with your payment", "Cael help gyda'ch taliad")),
      Map.entry("pay.declined.title", p("Your payment has been declined", "Mae eich taliad wedi cael ei wrthod")),
      Map.entry("pay.declined.text", p("No money has been taken from your account. You can try again with the same card or a different one.", "Nid oes unrhyw arian wedi'i gymryd o'ch cyfrif. Gallwch roi cynnig arall arni gyda'r un cerdyn neu un gwahanol.")),
      Map.entry("pay.expired.title", p("Your payment session timed out", "Daeth eich sesiwn talu i ben")),
      Map.entry("pay.expired.text", p("No money has been taken from your account. You need to finish paying within 90 minutes.", "Nid oes unrhyw arian wedi'i gymryd o'ch cyfrif. Mae angen i chi orffen talu o fewn 90 munud.")),
      Map.entry("pay.cancelled.title", p("You cancelled your payment", "Gwnaethoch ganslo eich taliad")),
      Map.entry("pay.cancelled.text", p("No money has been taken from your account.", "Nid oes unrhyw arian wedi'i gymryd o'ch cyfrif.")),
      Map.entry("pay.failed.title", p("Sorry, there was a problem with your payment", "Mae'n ddrwg gennym, roedd problem gyda'ch taliad")),
      Map.entry("pay.failed.text", p("No money has been taken from your account.", "Nid oes unrhyw arian wedi'i gymryd o'ch cyfrif.")),
      Map.entry("pay.error.title", p("Sorry, there is a problem with the payment service", "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth talu")),
      Map.entry("pay.error.text", p("No money has been taken from your account. Your answers are saved: try again later.", "Nid oes unrhyw arian wedi'i gymryd o'ch cyfrif. Mae eich atebion wedi'u cadw: rhowch gynnig arall arni yn nes ymlaen.")),
      Map.entry("pay.waiting.title", p("Your payment is being processed", "Mae eich taliad yn cael ei brosesu")),
      Map.entry("pay.waiting.text", p("This can take a few minutes. Do not pay again.", "Gall hyn gymryd ychydig funudau. Peidiwch â thalu eto.")),
      Map.entry("pay.waiting.continue", p("Continue paying", "Parhau i dalu")),
      Map.entry("pay.waiting.check", p("Check again", "Gwirio eto")),
      Map.entry("link.confirm.title", p("Continue your application", "Parhau â'ch cais")),
      Map.entry("link.confirm.text", p("Use the button to continue your application on this device. The link in your email works once: to continue on another device later, use your reference number and a code we email to you.", "Defnyddiwch y botwm i barhau â'ch cais ar y ddyfais hon. Mae'r ddolen yn eich e-bost yn gweithio unwaith: i barhau ar ddyfais arall yn nes ymlaen, defnyddiwch eich cyfeirnod a chod y byddwn yn ei anfon atoch drwy e-bost.")),
      Map.entry("link.used.title", p("This link has already been used", "Mae'r ddolen hon eisoes wedi'i defnyddio")),
      Map.entry("code.none", p("Use \u201cSend a new code\u201d to get a code sent to:", "Defnyddiwch \u201cAnfon cod newydd\u201d i gael cod wedi'i anfon i:")),
      Map.entry("phase.tag", p("Beta", "Beta")),
      Map.entry("phase.text", p("This is a new service. Your feedback will help us to improve it.", "Mae hwn yn wasanaeth newydd. Bydd eich adborth yn ein helpu i'w wella.")),
      Map.entry("footer.support", p("Support links", "Dolenni cymorth")),
      Map.entry("service.information", p("Service information", "Gwybodaeth am y gwasanaeth")),
      Map.entry("upload.files", p("Files added", "Ffeiliau wedi'u hychwanegu")),
      Map.entry("upload.first", p("Upload a file", "Uwchlwytho ffeil")),
      Map.entry("upload.another", p("Add another file", "Ychwanegu ffeil arall")),
      Map.entry("upload.button", p("Upload file", "Uwchlwytho ffeil")),
      Map.entry("upload.most", p("You can add up to {max} files.", "Gallwch ychwanegu hyd at {max} ffeil.")),
      Map.entry("upload.full", p("You have added the most files you can. Remove one to add another.", "Rydych wedi ychwanegu'r nifer mwyaf o ffeiliau y gallwch. Dilëwch un i ychwanegu un arall.")),
      Map.entry("upload.unavailable", p("You cannot upload files at the moment because virus scanning is not set up for this service.", "Ni allwch uwchlwytho ffeiliau ar hyn o bryd oherwydd nad yw sganio am feirysau wedi'i osod ar gyfer y gwasanaeth hwn.")),
      Map.entry("upload.unavailable.continue", p("You cannot continue online until files can be uploaded: use Get help to finish another way", "Ni allwch barhau ar-lein nes bod modd uwchlwytho ffeiliau: defnyddiwch Cael help i orffen mewn ffordd arall")),
      Map.entry("timeout.title", p("You\u2019re about to be signed out", "Rydych ar fin cael eich allgofnodi")),
      Map.entry("timeout.text", p("For your security, we will sign you out in", "Er eich diogelwch, byddwn yn eich allgofnodi ymhen")),
      Map.entry("timeout.stay", p("Stay signed in", "Aros wedi mewngofnodi")),
      Map.entry("timeout.minute", p("minute", "munud")),
      Map.entry("timeout.minutes", p("minutes", "munud")),
      Map.entry("timeout.second", p("second", "eiliad")),
      Map.entry("timeout.seconds", p("seconds", "eiliad")),
      Map.entry("timeout.hour", p("hour", "awr")),
      Map.entry("timeout.hours", p("hours", "awr")),
      Map.entry("signedout.title", p("You have been signed out", "Rydych wedi cael eich allgofnodi")),
      Map.entry("signedout.text", p("You had not done anything for {time}, so we signed you out to keep your information secure.", "Nid oeddech wedi gwneud unrhyw beth am {time}, felly gwnaethom eich allgofnodi i gadw eich gwybodaeth yn ddiogel.")),
      Map.entry("signedout.resume", p("If you saved your application, you can continue it with the link we emailed you, or with your reference number and a code we email to you.", "Os gwnaethoch gadw eich cais, gallwch ei barhau gyda\u2019r ddolen a anfonwyd atoch drwy e-bost, neu gyda\u2019ch cyfeirnod a chod y byddwn yn ei anfon atoch drwy e-bost.")),
      Map.entry("signedout.continue", p("Continue an application you saved", "Parhau \u00e2 chais a gadwyd gennych"))
  );
}
