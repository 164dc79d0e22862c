package io.civickit.forms.validation;

import static io.civickit.forms.validation.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Value;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerFormatTest {

  @Test
  void datesInEnglishAndWelsh() {
    Value d = Value.date(LocalDate.of(2026, 1, 5));
    assertThat(AnswerFormat.display(DOB, d, EN)).isEqualTo("5 January 2026");
    assertThat(AnswerFormat.display(DOB, d, CY)).isEqualTo("5 Ionawr 2026");
    assertThat(AnswerFormat.date(LocalDate.of(2026, 6, 30), CY)).isEqualTo("30 Mehefin 2026");
  }

  @Test
  void moneyAndNumbers() {
    assertThat(AnswerFormat.display(AMOUNT, Value.number(new BigDecimal("1234.5")), EN)).isEqualTo("£1,234.50");
    assertThat(AnswerFormat.display(AMOUNT, Value.number(new BigDecimal("75.00")), EN)).isEqualTo("£75");
    assertThat(AnswerFormat.money(new BigDecimal("-3.5"))).isEqualTo("-£3.50");
    assertThat(AnswerFormat.display(BINS, Value.number(12345), EN)).isEqualTo("12,345");
    assertThat(AnswerFormat.display(WEIGHT, Value.number(new BigDecimal("1234.500")), EN)).isEqualTo("1,234.5");
  }

  @Test
  void choicesShowTheirLabels() {
    assertThat(AnswerFormat.display(BIN, Value.text("food"), CY)).isEqualTo("Gwastraff bwyd");
    assertThat(AnswerFormat.display(WASTE, Value.texts(List.of("glass", "garden")), EN)).isEqualTo("Glass\nGarden waste");
    assertThat(AnswerFormat.display(LIVES, Value.bool(true), EN)).isEqualTo("Yes");
    assertThat(AnswerFormat.display(LIVES, Value.bool(false), CY)).isEqualTo("Na");
  }

  @Test
  void structuredAnswers() {
    Map<String, Value> address = new LinkedHashMap<>();
    address.put("line1", Value.text("1 High Street"));
    address.put("town", Value.text("Cardiff"));
    address.put("postcode", Value.text("CF10 1AA"));
    address.put("uprn", Value.text("123"));
    assertThat(AnswerFormat.display(ADDRESS, Value.fields(address), EN)).isEqualTo("1 High Street\nCardiff\nCF10 1AA");
    assertThat(AnswerFormat.display(NINO, Value.text("AB123456C"), EN)).isEqualTo("AB 12 34 56 C");
    assertThat(AnswerFormat.display(PHOTO, Value.fields(Map.of("name", Value.text("bin.jpg"))), EN)).isEqualTo("bin.jpg");
    Map<String, Value> child = new LinkedHashMap<>();
    child.put("name", Value.text("Sam"));
    child.put("dob", Value.date(LocalDate.of(2020, 2, 1)));
    assertThat(AnswerFormat.display(CHILDREN, Value.items(List.of(Value.fields(child), Value.fields(child))), CY))
        .isEqualTo("Sam, 1 Chwefror 2020\nSam, 1 Chwefror 2020");
  }

  @Test
  void phonesAsTypedOrNationalFormat() {
    assertThat(AnswerFormat.display(PHONE, Value.text("+442079460000"), "020 7946 0000", EN)).isEqualTo("020 7946 0000");
    assertThat(AnswerFormat.display(PHONE, Value.text("+442079460000"), EN)).isEqualTo("020 7946 0000");
    assertThat(AnswerFormat.display(MOBILE, Value.text("+33612345678"), EN)).isEqualTo("+33 6 12 34 56 78");
    assertThat(AnswerFormat.display(PHONE, Value.fields(Map.of("number", Value.text("+442079460000"),
        "extension", Value.text("12"))), EN)).isEqualTo("020 7946 0000 extension 12");
  }

  @Test
  void skippedAnswersAreNotProvided() {
    assertThat(AnswerFormat.display(NAME, Optional.empty(), EN)).isEqualTo("Not provided");
    assertThat(AnswerFormat.display(NAME, Value.items(List.of()), CY)).isEqualTo("Heb ei ddarparu");
    assertThat(AnswerFormat.display(NAME, Value.text(" "), EN)).isEqualTo("Not provided");
    assertThat(AnswerFormat.provided(Value.text("x"))).isTrue();
  }

  @Test
  void oddShapesNeverThrow() {
    assertThat(AnswerFormat.display(DOB, Value.text("2026-01-01"), EN)).isEqualTo("2026-01-01");
    assertThat(AnswerFormat.display(BIN, Value.text("gone"), EN)).isEqualTo("gone");
    assertThat(AnswerFormat.display(AMOUNT, Value.bool(true), EN)).isEqualTo("Yes");
    assertThat(AnswerFormat.display(ADDRESS, Value.texts(List.of("a", "b")), EN)).isEqualTo("a\nb");
  }

  @Test
  void aMissingLocaleOrInputIsRefusedNotReadAsEnglish() {
    Value d = Value.date(LocalDate.of(2026, 1, 5));
    assertThatThrownBy(() -> AnswerFormat.display(DOB, d, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("locale");
    assertThatThrownBy(() -> AnswerFormat.notProvided(null)).hasMessage("locale");
    assertThatThrownBy(() -> Validation.validate(DOB, Map.of(), (Locale) null, LocalDate.of(2026, 1, 5)))
        .hasMessage("locale");
    assertThatThrownBy(() -> Validation.validate(DOB, null, EN, LocalDate.of(2026, 1, 5))).hasMessage("input");
  }

  @Test
  void fileSizesAreWrittenAsGovUkWritesThem() {
    assertThat(AnswerFormat.fileSize(0)).isEqualTo("0 bytes");
    assertThat(AnswerFormat.fileSize(1)).isEqualTo("1 byte");
    assertThat(AnswerFormat.fileSize(1023)).isEqualTo("1023 bytes");
    assertThat(AnswerFormat.fileSize(1024)).isEqualTo("1KB");
    assertThat(AnswerFormat.fileSize(500 * 1024 + 1023)).isEqualTo("500KB");
    assertThat(AnswerFormat.fileSize(1024L * 1024 - 1)).isEqualTo("1023KB");
    assertThat(AnswerFormat.fileSize(2L * 1024 * 1024)).isEqualTo("2MB");
    assertThat(AnswerFormat.fileSize(1024L * 1024 * 3 / 2)).isEqualTo("1.5MB");
    assertThat(AnswerFormat.fileSize(1024L * 1024 * 19 / 10 + 1024 * 100)).isEqualTo("1.9MB");
  }
}
