package io.civickit.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.forms.internal.validation.Welsh;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WelshGrammarTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "eich dyddiad geni|i’ch dyddiad geni",
      "ein cyfeiriad|i’n cyfeiriad",
      "ei enw|i’w enw",
      "eu plant|i’w plant",
      "y dyddiad dechrau|i’r dyddiad dechrau",
      "yr ateb|i’r ateb",
      "dyddiad geni|i ddyddiad geni",
      "manylion y broblem|i fanylion y broblem",
      "llinell 1|i linell 1",
      "rhif ffôn|i rif ffôn",
      "gardd|i ardd",
      "cyfeiriad|i gyfeiriad",
      "pwysau|i bwysau",
      "teitl|i deitl",
      "bin|i fin",
      "chwaer|i chwaer",
      "nifer y biniau|i nifer y biniau",
      "enw|i enw"})
  void afterTheprepositionI(String noun, String expected) {
    assertThat(Welsh.afterI(noun)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "rhif ffôn|rif ffôn",
      "cod post|god post",
      "llun o’r difrod|lun o’r difrod",
      "eich enw|eich enw",
      "y swm|y swm",
      "a ydych chi’n byw yma|a ydych chi’n byw yma",
      "pa fin|pa fin",
      "Trwydded|Drwydded",
      "ffeil|ffeil"})
  void asTheObjectOfAnInstruction(String noun, String expected) {
    assertThat(Welsh.object(noun)).isEqualTo(expected);
  }
}
