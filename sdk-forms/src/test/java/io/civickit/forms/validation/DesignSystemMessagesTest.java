package io.civickit.forms.validation;

import static io.civickit.forms.validation.Fixtures.EN;
import static io.civickit.forms.validation.Fixtures.TODAY;
import static io.civickit.forms.validation.Fixtures.date;
import static io.civickit.forms.validation.Fixtures.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.civickit.forms.LocalisedText;
import io.civickit.forms.Option;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example error messages the GOV.UK Design System prints on its own component pages (date
 * input, text input, character count, textarea, radios, checkboxes, file upload), each made by
 * CivicKit from a question authored the way the example reads: the possessive form after a verb as
 * {@code errorNoun}, the subject form at the start of a sentence as {@code errorSubject}. The
 * expected strings are the Design System's, word for word (taken from its component pages, not
 * from CivicKit's message files); where the Design System adds an optional description after a date
 * ("... when you started the course"), the example is used without it, as CivicKit has no such part.
 */
class DesignSystemMessagesTest {

  static Question.Builder q(String id, QuestionType type, String noun, String subject) {
    return Question.builder(id, type).label("Label").errorNoun(noun).errorSubject(subject);
  }

  static final Question DATE_OF_BIRTH = q("dob", QuestionType.DATE, "your date of birth", "Date of birth")
      .dateRule(Question.DateRule.PAST).build();
  static final Question DOB_TODAY_OR_PAST = q("dob", QuestionType.DATE, "your date of birth", "Date of birth")
      .dateRule(Question.DateRule.TODAY_OR_PAST).build();
  static final Question COURSE_ENDS = q("ends", QuestionType.DATE, "the date your course ends",
      "The date your course ends").dateRule(Question.DateRule.FUTURE).build();
  static final Question COURSE_ENDS_TODAY = q("ends", QuestionType.DATE, "the date your course ends",
      "The date your course ends").dateRule(Question.DateRule.TODAY_OR_FUTURE).build();
  static final Question COURSE_ENDS_AFTER = q("ends", QuestionType.DATE, "the date your course ends",
      "The date your course ends").notBefore(LocalDate.of(2017, 9, 1)).build();
  static final Question LAST_EXAM = q("exam", QuestionType.DATE, "the date of Gordon’s last exam",
      "The date of Gordon’s last exam").notAfter(LocalDate.of(2017, 8, 31)).build();
  static final Question CONTRACT = q("contract", QuestionType.DATE, "the date your contract started",
      "The date your contract started").notBefore(LocalDate.of(2017, 9, 1)).notAfter(LocalDate.of(2017, 9, 30)).build();

  static final Question FIRST_NAME = q("first", QuestionType.TEXT, "your first name", "First name").build();
  static final Question ADDRESS_LINE = q("line1", QuestionType.TEXT, "address line 1", "Address line 1")
      .maxLength(35).build();
  static final Question FULL_NAME = q("full", QuestionType.TEXT, "your full name", "Full name").minLength(2).build();
  static final Question LAST_NAME = q("last", QuestionType.TEXT, "your last name", "Last name")
      .minLength(2).maxLength(35).build();
  static final Question FULL_NAME_PATTERN = q("full", QuestionType.TEXT, "your full name", "Full name")
      .pattern("[A-Za-z' -]+", "Full name must only include letters a to z, and special characters such as hyphens, "
          + "spaces and apostrophes", "").build();
  static final Question HOURS = q("hours", QuestionType.WHOLE_NUMBER, "how many hours you work a week",
      "Hours worked a week").min(BigDecimal.valueOf(16)).max(BigDecimal.valueOf(99)).build();
  static final Question HOURS_MIN = q("hours", QuestionType.WHOLE_NUMBER, "how many hours you work a week",
      "Hours worked a week").min(BigDecimal.valueOf(16)).build();
  static final Question HOURS_MAX = q("hours", QuestionType.WHOLE_NUMBER, "how many hours you work a week",
      "Hours worked a week").max(BigDecimal.valueOf(99)).build();

  static final Question SUMMARY_COUNT = q("summary", QuestionType.TEXTAREA, "a summary", "Summary").maxLength(400)
      .build();
  static final Question SUMMARY = q("summary", QuestionType.TEXTAREA, "summary", "Summary").maxLength(400).build();
  static final Question SUMMARY_MIN = q("summary", QuestionType.TEXTAREA, "summary", "Summary").minLength(10).build();
  static final Question SUMMARY_BOTH = q("summary", QuestionType.TEXTAREA, "summary", "Summary").minLength(10)
      .maxLength(400).build();

  static final Question LIVES_WITH_YOU = q("sarah", QuestionType.YES_NO, "yes if Sarah normally lives with you",
      "Whether Sarah normally lives with you").build();
  static final Question EMPLOYED = q("employed", QuestionType.RADIOS, "if you are employed or self-employed",
      "Employment").option("employed", "Employed").option("self", "Self-employed").build();
  static final Question RENT_DAY = q("day", QuestionType.RADIOS, "the day of the week you pay your rent",
      "The day you pay your rent").option("mon", "Monday").option("tue", "Tuesday").build();
  static final Question NATIONALITY = q("nationality", QuestionType.CHECKBOXES, "your nationality or nationalities",
      "Nationality").option("british", "British").option("irish", "Irish").build();
  static final Question CITIZEN = q("citizen", QuestionType.CHECKBOXES,
      "if you are British, Irish or a citizen of a different country", "Citizenship")
      .option("british", "British").option("irish", "Irish").option("other", "Citizen of another country").build();
  static final Question COUNTRIES = q("countries", QuestionType.CHECKBOXES, "countries you will be travelling to",
      "Countries").option("fr", "France").option("pt", "Portugal").option(new Option("none",
          LocalisedText.english("No, I will not be travelling to any of these countries"), Optional.empty(), true, true,
          List.of())).build();

  static final Question REPORT = q("report", QuestionType.FILE, "a report", "The report").maxFileBytes(2L * 1024 * 1024)
      .fileType("text/csv").build();

  static Stream<Arguments> examples() {
    return Stream.of(
        // date input
        arguments("date input", DATE_OF_BIRTH, in(), "Enter your date of birth"),
        arguments("date input", DATE_OF_BIRTH, date("dob", "1", "", "1990"), "Date of birth must include a month"),
        arguments("date input", DATE_OF_BIRTH, date("dob", "", "", "1990"), "Date of birth must include a day and month"),
        arguments("date input", DATE_OF_BIRTH, date("dob", "1", "1", "90"), "Year must include 4 numbers"),
        arguments("date input", DATE_OF_BIRTH, date("dob", "1", "13", "1990"), "Date of birth must be a real date"),
        arguments("date input", DATE_OF_BIRTH, date("dob", "1", "1", "2030"), "Date of birth must be in the past"),
        arguments("date input", DOB_TODAY_OR_PAST, date("dob", "1", "1", "2030"),
            "Date of birth must be today or in the past"),
        arguments("date input", COURSE_ENDS, date("ends", "1", "1", "2020"), "The date your course ends must be in the future"),
        arguments("date input", COURSE_ENDS_TODAY, date("ends", "1", "1", "2020"),
            "The date your course ends must be today or in the future"),
        arguments("date input", COURSE_ENDS_AFTER, date("ends", "31", "8", "2017"),
            "The date your course ends must be the same as or after 1 September 2017"),
        arguments("date input", LAST_EXAM, date("exam", "1", "9", "2017"),
            "The date of Gordon’s last exam must be the same as or before 31 August 2017"),
        arguments("date input", CONTRACT, date("contract", "1", "10", "2017"),
            "The date your contract started must be between 1 September 2017 and 30 September 2017"),
        // text input
        arguments("text input", FIRST_NAME, in(), "Enter your first name"),
        arguments("text input", ADDRESS_LINE, in("line1", "x".repeat(36)), "Address line 1 must be 35 characters or less"),
        arguments("text input", FULL_NAME, in("full", "x"), "Full name must be 2 characters or more"),
        arguments("text input", LAST_NAME, in("last", "x"), "Last name must be between 2 and 35 characters"),
        arguments("text input", LAST_NAME, in("last", "x".repeat(36)), "Last name must be between 2 and 35 characters"),
        arguments("text input", FULL_NAME_PATTERN, in("full", "R2-D2"),
            "Full name must only include letters a to z, and special characters such as hyphens, spaces and apostrophes"),
        arguments("text input", HOURS, in("hours", "thirty"), "Hours worked a week must be a number, like 30"),
        arguments("text input", HOURS, in("hours", "30.5"), "Hours worked a week must be a whole number, like 30"),
        arguments("text input", HOURS_MIN, in("hours", "15"), "Hours worked a week must be 16 or more"),
        arguments("text input", HOURS_MAX, in("hours", "100"), "Hours worked a week must be 99 or fewer"),
        arguments("text input", HOURS, in("hours", "100"), "Hours worked a week must be between 16 and 99"),
        // character count and textarea
        arguments("character count", SUMMARY_COUNT, in(), "Enter a summary"),
        arguments("character count", SUMMARY_COUNT, in("summary", "x".repeat(401)), "Summary must be 400 characters or less"),
        arguments("textarea", SUMMARY, in(), "Enter summary"),
        arguments("textarea", SUMMARY_MIN, in("summary", "too short"), "Summary must be 10 characters or more"),
        arguments("textarea", SUMMARY_BOTH, in("summary", "too short"), "Summary must be between 10 and 400 characters"),
        // radios
        arguments("radios", LIVES_WITH_YOU, in(), "Select yes if Sarah normally lives with you"),
        arguments("radios", EMPLOYED, in(), "Select if you are employed or self-employed"),
        arguments("radios", RENT_DAY, in(), "Select the day of the week you pay your rent"),
        // checkboxes
        arguments("checkboxes", CITIZEN, in(), "Select if you are British, Irish or a citizen of a different country"),
        arguments("checkboxes", NATIONALITY, in(), "Select your nationality or nationalities"),
        arguments("checkboxes", COUNTRIES, in("countries", "fr", "countries", "none"),
            "Select countries you will be travelling to, or select ‘No, I will not be travelling to any of these countries’"),
        // file upload
        arguments("file upload", REPORT, in(), "Select a report"));
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("examples")
  void civicKitSaysWhatTheDesignSystemSays(String page, Question question, Map<String, List<String>> input,
      String designSystem) {
    ValidationResult r = Validation.validate(question, input, EN, TODAY);
    assertThat(r).as("%s with %s", question.id(), input).isInstanceOf(ValidationResult.Invalid.class);
    assertThat(((ValidationResult.Invalid) r).error().message()).as(page).isEqualTo(designSystem);
  }
}
