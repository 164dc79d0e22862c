package io.civickit.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.civickit.core.Actor;
import io.civickit.core.CivicKitException;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.Value;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubmissionDocumentTest {
  final Journeys journeys = Fixtures.journeys(Fixtures.CLOCK);
  final Journey journey = Fixtures.complete(journeys, "The gate sticks");
  final SubmittedPayment payment = new SubmittedPayment(4500, "hu20sqlact5260q2nanm0q8u93", "success", journey.reference().toString());
  final Submission doc = Submission.of(journey, Fixtures.FORM, SubmitOptions.builder()
      .language(Locale.forLanguageTag("cy")).payment(payment).build(), UUID.randomUUID().toString(),
      Instant.parse("2026-03-01T10:05:00Z"));

  final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @Test
  void documentHoldsEveryAnswerTypedAndFormattedInBothLanguagesWithWhoSuppliedIt() {
    assertThat(doc.reference()).isEqualTo(journey.reference().toString());
    assertThat(doc.formId()).isEqualTo("garden-waste");
    assertThat(doc.formVersion()).isEqualTo(3);
    assertThat(doc.language().getLanguage()).isEqualTo("cy");
    assertThat(doc.assuranceLevel()).isEqualTo("none");
    assertThat(doc.answers()).extracting(SubmittedAnswer::questionId)
        .containsExactly("address", "number_of_bins", "collection_day", "notes", "photo", "email");

    SubmittedAnswer bins = doc.answer("number_of_bins").orElseThrow();
    assertThat(bins.value()).contains(Value.number(2));
    assertThat(bins.label().cy()).isEqualTo("Sawl bin sydd ei angen arnoch?");
    assertThat(bins.suppliedBy()).isEqualTo(Actor.adviser("A1234"));

    SubmittedAnswer day = doc.answer("collection_day").orElseThrow();
    assertThat(day.formattedEn()).isEqualTo("Thursday");
    assertThat(day.formattedCy()).isEqualTo("Dydd Iau");
    assertThat(day.value()).contains(Value.text("thu"));
    assertThat(day.suppliedBy()).isEqualTo(Actor.citizen());

    assertThat(doc.answer("address").orElseThrow().formattedEn()).contains("1 High Street").contains("CF10 1AA");
    assertThat(doc.payment()).contains(payment);
    assertThat(doc.attachments()).containsExactly(new Attachment(journey.reference() + "/photo", "side gate.jpg", 52311,
        "image/jpeg"));
  }

  @Test
  void aQuestionHoldingSeveralFilesAsTheUploadPageSavesThemListsEachAsAnAttachment() {
    Value photo = Value.fields(java.util.Map.of("id", Value.text("f-1"), "name", Value.text("gate.jpg"),
        "size", Value.number(1200), "contentType", Value.text("image/jpeg"), "sha256", Value.text("ab")));
    Value plan = Value.fields(java.util.Map.of("id", Value.text("f-2"), "name", Value.text("plan.pdf"),
        "size", Value.number(3400), "contentType", Value.text("application/pdf"), "sha256", Value.text("cd")));
    Journey twoFiles = journey.toBuilder().answer("photo", io.civickit.core.Answer.of(Value.items(List.of(photo, plan))))
        .build();
    Submission s = Submission.of(twoFiles, Fixtures.FORM, SubmitOptions.defaults(), UUID.randomUUID().toString(),
        Instant.parse("2026-03-01T10:05:00Z"));
    assertThat(s.attachments()).containsExactly(new Attachment("f-1", "gate.jpg", 1200, "image/jpeg"),
        new Attachment("f-2", "plan.pdf", 3400, "application/pdf"));
  }

  @Test
  void prefilledAnswerKeepsItsSystemSourceAndSkippedQuestionReadsNotProvided() {
    Journey prefilledOnly = Fixtures.complete(journeys, "");
    Submission s = Submission.of(prefilledOnly, Fixtures.FORM, SubmitOptions.defaults(), UUID.randomUUID().toString(),
        Instant.parse("2026-03-01T10:05:00Z"));
    SubmittedAnswer notes = s.answer("notes").orElseThrow();
    assertThat(notes.provided()).isFalse();
    assertThat(notes.formattedEn()).isEqualTo("Not provided");
    assertThat(notes.formattedCy()).isEqualTo("Heb ei ddarparu");
    // The address was seeded from a council record and then confirmed on the page by the person.
    assertThat(s.answer("address").orElseThrow().suppliedBy().kind()).isIn(Actor.Kind.CITIZEN, Actor.Kind.SYSTEM);
  }

  @Test
  void onlyACompletedJourneyOfTheSameFormVersionCanBeSubmitted() {
    Journey started = journeys.start("garden-waste");
    assertThatThrownBy(() -> Submission.of(started, Fixtures.FORM, SubmitOptions.defaults(), "x", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IN_PROGRESS");
    Journey other = journey.toBuilder().definitionVersion(2).build();
    assertThatThrownBy(() -> Submission.of(other, Fixtures.FORM, SubmitOptions.defaults(), "x", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v2").hasMessageContaining("v3");
  }

  @Test
  void jsonRoundTripsAndValidatesAgainstTheSchemaInTheJar() {
    byte[] json = SubmissionJson.write(doc);
    assertThat(SubmissionJson.read(json)).isEqualTo(doc);
    Schema schema = registry.getSchema(SubmissionJson.schema(), InputFormat.JSON);
    List<Error> errors = schema.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
    assertThat(errors).isEmpty();
  }

  @Test
  void schemaIsAValidDraft202012SchemaAndRejectsADocumentWithoutItsAnswers() {
    Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(meta.validate(SubmissionJson.schema(), InputFormat.JSON)).isEmpty();
    Schema schema = registry.getSchema(SubmissionJson.schema(), InputFormat.JSON);
    String json = new String(SubmissionJson.write(doc), StandardCharsets.UTF_8);
    assertThat(schema.validate(json.replace("\"answers\":", "\"replies\":"), InputFormat.JSON)).isNotEmpty();
    assertThat(schema.validate(json.replace("\"kind\":\"adviser\",\"id\":\"A1234\"", "\"kind\":\"adviser\""),
        InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void aBrokenDocumentIsRefusedWithWhatIsWrong() {
    String json = new String(SubmissionJson.write(doc), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SubmissionJson.read(json.replace("\"reference\":", "\"ref\":").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CivicKitException.class).hasMessageContaining("'reference' is missing");
    assertThatThrownBy(() -> SubmissionJson.read("[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CivicKitException.class);
  }

  @Test
  void toStringNeverPrintsAnswers() {
    assertThat(doc.toString()).doesNotContain("High Street").doesNotContain("sam@example.com");
    assertThat(doc.answers().get(0).toString()).doesNotContain("High Street");
  }
}
