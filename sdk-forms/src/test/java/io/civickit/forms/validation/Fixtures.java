package io.civickit.forms.validation;

import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Questions of every type, with error nouns authored as a council would write them. */
public final class Fixtures {
  private Fixtures() {}

  public static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  public static final Locale EN = Locale.UK;
  public static final Locale CY = Locale.forLanguageTag("cy");

  public static Question.Builder q(String id, QuestionType type, String nounEn, String nounCy) {
    return Question.builder(id, type).label("Label " + id, "Label cy " + id).errorNoun(nounEn, nounCy);
  }

  public static final Question NAME = q("name", QuestionType.TEXT, "your full name", "eich enw llawn").maxLength(20).build();
  public static final Question MORE = q("more", QuestionType.TEXTAREA, "details of the problem", "manylion y broblem")
      .maxLength(10).build();
  public static final Question BINS = q("bins", QuestionType.WHOLE_NUMBER, "the number of bins", "nifer y biniau")
      .min(BigDecimal.ONE).max(BigDecimal.valueOf(3)).build();
  public static final Question WEIGHT = q("weight", QuestionType.DECIMAL, "the weight", "y pwysau")
      .min(new BigDecimal("0.5")).build();
  public static final Question AMOUNT = q("amount", QuestionType.MONEY, "the amount", "y swm")
      .max(BigDecimal.valueOf(1000)).build();
  public static final Question DOB = q("dob", QuestionType.DATE, "your date of birth", "eich dyddiad geni")
      .dateRule(Question.DateRule.PAST).autocomplete("bday").build();
  public static final Question START = q("start", QuestionType.DATE, "the start date", "y dyddiad dechrau")
      .notBefore(LocalDate.of(2026, 12, 1)).notAfter(LocalDate.of(2027, 3, 31)).build();
  public static final Question FROM = q("from", QuestionType.DATE, "the start date", "y dyddiad dechrau")
      .notBefore(LocalDate.of(2026, 12, 1)).build();
  public static final Question UNTIL = q("until", QuestionType.DATE, "the end date", "y dyddiad gorffen")
      .notAfter(LocalDate.of(2027, 3, 31)).build();
  public static final Question VISIT = q("visit", QuestionType.DATE, "the visit date", "dyddiad yr ymweliad")
      .dateRule(Question.DateRule.FUTURE).build();
  public static final Question EVENT = q("event", QuestionType.DATE, "the date of the incident", "dyddiad y digwyddiad")
      .dateRule(Question.DateRule.TODAY_OR_PAST).build();
  public static final Question MOVE = q("move", QuestionType.DATE, "your moving date", "eich dyddiad symud")
      .dateRule(Question.DateRule.TODAY_OR_FUTURE).build();
  public static final Question EMAIL = q("email", QuestionType.EMAIL, "your email address", "eich cyfeiriad e-bost").build();
  public static final Question PHONE = q("phone", QuestionType.PHONE, "your telephone number", "eich rhif ffôn").build();
  public static final Question MOBILE = q("mobile", QuestionType.MOBILE, "your mobile number", "eich rhif ffôn symudol")
      .build();
  public static final Question POSTCODE = q("postcode", QuestionType.POSTCODE, "your postcode", "eich cod post").build();
  public static final Question ADDRESS = q("address", QuestionType.ADDRESS, "your address", "eich cyfeiriad").build();
  public static final Question NINO = q("nino", QuestionType.NATIONAL_INSURANCE_NUMBER, "your National Insurance number",
      "eich rhif Yswiriant Gwladol").build();
  public static final Question BIN = q("bin", QuestionType.RADIOS, "which bin was missed", "pa fin a fethwyd")
      .option("general", "General waste", "Gwastraff cyffredinol")
      .option("food", "Food waste", "Gwastraff bwyd").build();
  public static final Question WARD = q("ward", QuestionType.SELECT, "your ward", "eich ward")
      .option("north", "North", "Gogledd").option("south", "South", "De").build();
  public static final Question LIVES = q("lives", QuestionType.YES_NO, "whether you live in the council area",
      "a ydych chi’n byw yn ardal y cyngor").build();
  public static final Question WASTE = q("waste", QuestionType.CHECKBOXES, "the types of waste", "y mathau o wastraff")
      .option("glass", "Glass", "Gwydr").option("paper", "Paper", "Papur").option("metal", "Metal", "Metel")
      .option("garden", "Garden waste", "Gwastraff gardd").items(2, 3).build();
  public static final Question PHOTO = q("photo", QuestionType.FILE, "a photo of the damage", "llun o’r difrod")
      .maxFileBytes(2L * 1024 * 1024).fileType("image/jpeg").fileType("image/png").fileType("application/pdf")
      .build();
  public static final Question CHILD_NAME = q("name", QuestionType.TEXT, "the child’s name", "enw’r plentyn").build();
  public static final Question CHILD_DOB = q("dob", QuestionType.DATE, "the child’s date of birth",
      "dyddiad geni’r plentyn").dateRule(Question.DateRule.PAST).build();
  public static final Question CHILDREN = q("children", QuestionType.REPEATING_GROUP, "your children", "eich plant")
      .item(CHILD_NAME).item(CHILD_DOB).items(1, 3).build();
  public static final Question PAIRS = q("pairs", QuestionType.REPEATING_GROUP, "the people who live with you",
      "y bobl sy’n byw gyda chi").item(CHILD_NAME).items(2, 3).build();

  /** Every question above, one of each type at least. */
  public static List<Question> all() {
    return List.of(NAME, MORE, BINS, WEIGHT, AMOUNT, DOB, START, EMAIL, PHONE, MOBILE, POSTCODE, ADDRESS, NINO,
        BIN, WARD, LIVES, WASTE, PHOTO, CHILDREN);
  }

  /** Form fields from name, value pairs; a name given twice gets both values. */
  public static Map<String, List<String>> in(String... nameValues) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      m.merge(nameValues[i], List.of(nameValues[i + 1]), (a, b) -> {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
      });
    }
    return m;
  }

  public static Map<String, List<String>> date(String id, String d, String m, String y) {
    return in(id + "-day", d, id + "-month", m, id + "-year", y);
  }

  public static Map<String, List<String>> file(String name, String size, String type) {
    return in("photo-name", name, "photo-size", size, "photo-type", type);
  }
}
