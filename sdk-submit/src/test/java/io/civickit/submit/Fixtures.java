package io.civickit.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Journeys;
import io.civickit.core.Outcome;
import io.civickit.core.StartOptions;
import io.civickit.core.SubmitResult;
import io.civickit.core.Value;
import io.civickit.core.progress.ProgressStore;
import io.civickit.forms.Form;
import io.civickit.forms.FormEnd;
import io.civickit.forms.FormJourney;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A garden waste form with every kind of answer a submission carries, and journeys through it. */
final class Fixtures {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneId.of("Europe/London"));
  static final Locale EN = Locale.UK;

  static final Form FORM = Form.builder("garden-waste", 3)
      .title("Garden waste permit", "Trwydded gwastraff gardd")
      .page(Page.builder("address").question(Question.builder("address", QuestionType.ADDRESS)
          .label("What is your address?", "Beth yw eich cyfeiriad?")
          .errorNoun("your address", "eich cyfeiriad").build()).build())
      .page(Page.builder("bins").question(Question.builder("number_of_bins", QuestionType.WHOLE_NUMBER)
          .label("How many bins do you need?", "Sawl bin sydd ei angen arnoch?")
          .errorNoun("the number of bins", "nifer y biniau").build()).build())
      .page(Page.builder("collection").question(Question.builder("collection_day", QuestionType.RADIOS)
          .label("Which day suits you?", "Pa ddiwrnod sy'n addas i chi?")
          .errorNoun("a day", "diwrnod").option("mon", "Monday", "Dydd Llun").option("thu", "Thursday", "Dydd Iau")
          .build()).build())
      .page(Page.builder("notes").question(Question.builder("notes", QuestionType.TEXTAREA)
          .label("Anything else we should know?", "Unrhyw beth arall y dylem ei wybod?")
          .errorNoun("your notes", "eich nodiadau").optional().build()).build())
      .page(Page.builder("photo").question(Question.builder("photo", QuestionType.FILE)
          .label("Upload a photo of where the bin will go", "Lanlwythwch lun o ble bydd y bin")
          .errorNoun("a photo", "llun").optional().build()).build())
      .page(Page.builder("contact").question(Question.builder("email", QuestionType.EMAIL)
          .label("What is your email address?", "Beth yw eich cyfeiriad e-bost?")
          .errorNoun("your email address", "eich cyfeiriad e-bost").build()).build())
      .end(new FormEnd("confirmation", LocalisedText.of("Application complete", "Cais wedi'i gwblhau"),
          LocalisedText.of("We have your application.", "Mae eich cais gennym."), Outcome.SUCCESS))
      .build();

  private Fixtures() {}

  static Journeys journeys(Clock clock) {
    return Journeys.builder().definition(FormJourney.definition(FORM, clock)).store(ProgressStore.inMemory())
        .clock(clock).build();
  }

  static Map<String, List<String>> in(String... pairs) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], List.of(pairs[i + 1]));
    }
    return m;
  }

  /**
   * Completes a journey: the address pre-filled from a council record, the bins entered by an
   * adviser, the rest by the person; {@code notes} as given (blank to skip it).
   */
  static Journey complete(Journeys journeys, String notes) {
    Journey j = journeys.start(FORM.id(), StartOptions.builder()
        .prefill("address", Value.fields(Map.of("line1", Value.text("1 High Street"), "town", Value.text("Bryncoed"),
            "postcode", Value.text("CF10 1AA"))), Actor.system("council-tax-record"))
        .build());
    step(journeys, j, "address", in("address-line1", "1 High Street", "address-town", "Bryncoed",
        "address-postcode", "CF10 1AA"), Actor.citizen());
    step(journeys, j, "bins", in("number_of_bins", "2"), Actor.adviser("A1234"));
    step(journeys, j, "collection", in("collection_day", "thu"), Actor.citizen());
    step(journeys, j, "notes", in("notes", notes), Actor.citizen());
    step(journeys, j, "photo", in("photo-name", "side gate.jpg", "photo-size", "52311", "photo-type", "image/jpeg"),
        Actor.citizen());
    step(journeys, j, "contact", in("email", "sam@example.com"), Actor.citizen());
    SubmitResult done = journeys.submit(j.id(), Form.CHECK_ANSWERS, Map.of(), Actor.citizen(), EN);
    assertThat(done).isInstanceOf(SubmitResult.Completed.class);
    assertThat(done.journey().status()).isEqualTo(JourneyStatus.COMPLETED);
    return done.journey();
  }

  private static void step(Journeys journeys, Journey j, String page, Map<String, List<String>> input, Actor actor) {
    SubmitResult r = journeys.submit(j.id(), page, input, actor, EN);
    assertThat(r).as("page %s", page).isInstanceOf(SubmitResult.Moved.class);
  }
}
