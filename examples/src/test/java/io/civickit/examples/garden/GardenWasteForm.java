package io.civickit.examples.garden;

import io.civickit.core.Outcome;
import io.civickit.forms.Content;
import io.civickit.forms.Form;
import io.civickit.forms.FormEnd;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;

/**
 * The "Apply for a garden waste collection permit" form as the service ships it (JSON), and the
 * same form written with the Java builder: what a team writes when it prefers code to JSON. A
 * test checks the two are equal.
 */
final class GardenWasteForm {
  /** The form's id, which is also the journey definition's id. */
  public static final String ID = "garden-waste-permit";
  /** The step where the person types the code emailed to them. */
  public static final String CONFIRM_EMAIL = "confirm-email";
  /** The end step of a successful application. */
  public static final String CONFIRMATION = "confirmation";
  /** The end step for someone who does not live in the area. */
  public static final String NOT_ELIGIBLE = "not-eligible";
  /** The question holding the person's email address. */
  public static final String EMAIL = "email";

  private GardenWasteForm() {}

  /** Where the form's JSON is on the class path. */
  public static final String RESOURCE = "/forms/garden-waste-permit.json";

  /** The form, read from {@code forms/garden-waste-permit.json} with sdk-forms' JSON reader. */
  public static Form form() {
    try (java.io.InputStream in = GardenWasteForm.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return io.civickit.forms.Forms.read(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
  /**
   * The same form built with the Java builder: what a team writes when it prefers code to JSON.
   * A test checks it equals {@link #form()}.
   */
  public static Form built() {
    Question livesInArea = Question.builder("lives_in_area", QuestionType.YES_NO)
        .label("Do you live in the council area?", "Ydych chi'n byw yn ardal y cyngor?")
        .hint("We can only collect garden waste from homes in our area",
            "Dim ond o gartrefi yn ein hardal y gallwn gasglu gwastraff gardd")
        .errorNoun("whether you live in the council area", "a ydych chi'n byw yn ardal y cyngor")
        .build();
    Question address = Question.builder("address", QuestionType.ADDRESS)
        .label("What is your address?", "Beth yw eich cyfeiriad?")
        .hint("The address where we will collect your garden waste",
            "Y cyfeiriad lle byddwn yn casglu eich gwastraff gardd")
        .errorNoun("your address", "eich cyfeiriad")
        .build();
    Question bins = Question.builder("number_of_bins", QuestionType.WHOLE_NUMBER)
        .label("How many garden waste bins do you need?", "Faint o finiau gwastraff gardd sydd eu hangen arnoch chi?")
        .hint("You can have between 1 and 3 bins", "Gallwch gael rhwng 1 a 3 bin")
        .errorNoun("the number of bins", "nifer y biniau")
        .min(java.math.BigDecimal.ONE).max(java.math.BigDecimal.valueOf(3))
        .build();
    Question concession = Question.builder("council_tax_reduction", QuestionType.YES_NO)
        .label("Does anyone in your household get Council Tax Reduction?",
            "Oes unrhyw un yn eich cartref yn cael Gostyngiad Treth Gyngor?")
        .hint("If they do, your permit is half price", "Os ydyn nhw, mae eich trwydded am hanner pris")
        .errorNoun("whether anyone in your household gets Council Tax Reduction",
            "a oes unrhyw un yn eich cartref yn cael Gostyngiad Treth Gyngor")
        .errorSubject("Whether anyone gets Council Tax Reduction", "a oes unrhyw un yn cael Gostyngiad Treth Gyngor")
        .build();
    Question assisted = Question.builder("assisted_collection", QuestionType.YES_NO)
        .label("Do you need an assisted collection?", "Oes angen casgliad â chymorth arnoch chi?")
        .hint("We collect the bin from your garden if nobody at home can take it to the kerb",
            "Rydym yn casglu'r bin o'ch gardd os na all neb yn y cartref ei roi ar ymyl y ffordd")
        .errorNoun("whether you need an assisted collection", "a oes angen casgliad â chymorth arnoch chi")
        .build();
    Question binLocation = Question.builder("bin_location", QuestionType.TEXTAREA)
        .label("Where will we find the bin?", "Ble fyddwn ni'n dod o hyd i'r bin?")
        .hint("For example, by the side gate", "Er enghraifft, wrth y giât ochr")
        .errorNoun("where we will find the bin", "ble fyddwn ni'n dod o hyd i'r bin")
        .errorSubject("Directions to the bin", "y cyfarwyddiadau at y bin")
        .showIf("assisted_collection = true")
        .maxLength(200)
        .build();
    Question binPhotos = Question.builder("bin_photos", QuestionType.FILE)
        .label("Upload a photo or plan of where your bins are kept",
            "Uwchlwythwch lun neu gynllun o ble mae eich biniau'n cael eu cadw")
        .hint("This helps the crew find your bins. You can upload JPG, PNG or PDF files up to 10MB each",
            "Mae hyn yn helpu'r criw i ddod o hyd i'ch biniau. Gallwch uwchlwytho ffeiliau JPG, PNG neu PDF hyd at 10MB "
                + "yr un")
        .errorNoun("a photo or plan of where your bins are kept", "llun neu gynllun o ble mae eich biniau'n cael eu cadw")
        .errorSubject("The photo or plan of where your bins are kept",
            "Y llun neu'r cynllun o ble mae eich biniau'n cael eu cadw")
        .optional()
        .maxFileBytes(10L * 1024 * 1024)
        .fileType("image/jpeg").fileType("image/png").fileType("application/pdf")
        .items(0, 3)
        .build();
    Question startDate = Question.builder("start_date", QuestionType.DATE)
        .label("When do you want collections to start?", "Pryd ydych chi eisiau i'r casgliadau ddechrau?")
        .hint("For example, 27 3 2026", "Er enghraifft, 27 3 2026")
        .errorNoun("the start date", "y dyddiad dechrau")
        .dateRule(Question.DateRule.FUTURE)
        .build();
    Question email = Question.builder(EMAIL, QuestionType.EMAIL)
        .label("Email address", "Cyfeiriad e-bost")
        .hint("We will send your permit to this address", "Byddwn yn anfon eich trwydded i'r cyfeiriad hwn")
        .errorNoun("your email address", "eich cyfeiriad e-bost")
        .build();
    Question phone = Question.builder("phone", QuestionType.PHONE)
        .label("Phone number (optional)", "Rhif ffôn (dewisol)")
        .hint("We will only call you if there is a problem with your collection",
            "Byddwn ond yn eich ffonio os oes problem gyda'ch casgliad")
        .errorNoun("your phone number", "eich rhif ffôn")
        .optional()
        .build();
    return Form.builder(ID, 1)
        .title("Apply for a garden waste collection permit", "Gwneud cais am drwydded casglu gwastraff gardd")
        .section("eligibility", "Check you can apply", "Gwirio y gallwch wneud cais")
        .section("collection", "Your collection", "Eich casgliad")
        .section("contact", "Your contact details", "Eich manylion cyswllt")
        .page(Page.builder("lives-in-area").section("eligibility").question(livesInArea).build())
        .page(Page.builder("address").section("eligibility").question(address).build())
        .page(Page.builder("bins").section("collection").question(bins).build())
        .page(Page.builder("concession").section("collection")
            .title("Council Tax Reduction", "Gostyngiad Treth Gyngor").content(Content.details(
            LocalisedText.of("What Council Tax Reduction is", "Beth yw Gostyngiad Treth Gyngor"),
            LocalisedText.of("Council Tax Reduction is help from the council to pay your Council Tax if you have a low "
                + "income or get certain benefits. Your Council Tax bill shows it.",
                "Gostyngiad Treth Gyngor yw help gan y cyngor i dalu eich Treth Gyngor os oes gennych incwm isel neu "
                + "os ydych yn cael rhai budd-daliadau. Mae eich bil Treth Gyngor yn ei ddangos.")))
            .question(concession).build())
        .page(Page.builder("assisted-collection").section("collection").question(assisted).question(binLocation)
            .build())
        .page(Page.builder("bin-photos").section("collection").showIf("assisted_collection = true")
            .question(binPhotos).build())
        .page(Page.builder("start-date").section("collection").question(startDate).build())
        .page(Page.builder("contact").section("contact").title("Your contact details", "Eich manylion cyswllt")
            .question(email).question(phone).build())
        .route("lives-in-area", "lives_in_area = false", NOT_ELIGIBLE)
        .end(new FormEnd(NOT_ELIGIBLE,
            LocalisedText.of("You cannot apply for a garden waste permit",
                "Ni allwch wneud cais am drwydded gwastraff gardd"),
            LocalisedText.of("This service is only for homes in the council area. Contact the council where you "
                    + "live about garden waste collections.",
                "Mae'r gwasanaeth hwn ar gyfer cartrefi yn ardal y cyngor yn unig. Cysylltwch â'r cyngor lle "
                    + "rydych chi'n byw am gasgliadau gwastraff gardd."),
            Outcome.INELIGIBLE))
        .end(new FormEnd(CONFIRMATION,
            LocalisedText.of("Application complete", "Cais wedi'i gwblhau"),
            LocalisedText.of("We have sent a confirmation email. Your first collection will be on or after your "
                    + "start date.",
                "Rydym wedi anfon e-bost cadarnhau. Bydd eich casgliad cyntaf ar eich dyddiad dechrau neu ar ôl "
                    + "hynny."),
            Outcome.SUCCESS))
        .build();
  }

}
