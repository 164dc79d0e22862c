package io.civickit.benchmarks.journey;

import io.civickit.benchmarks.validation.HousingForm;
import io.civickit.core.JourneyDefinition;
import io.civickit.core.Journeys;
import io.civickit.core.Outcome;
import io.civickit.core.event.EventSink;
import io.civickit.core.progress.ProgressStore;
import io.civickit.forms.Form;
import io.civickit.forms.FormEnd;
import io.civickit.forms.FormJourney;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A short housing journey built from {@link HousingForm}'s questions: an applicant page, a
 * household page (five questions, with a route to an end and a conditional page after it), a
 * contact page, check answers and a confirmation. The step and memory benchmarks run it.
 */
public final class HousingJourney {
  private HousingJourney() {}

  /** The page the step benchmark submits over and over. */
  public static final String HOUSEHOLD = "household";

  /** The form. */
  public static Form form() {
    return Form.builder("housing-application", 1).title("Apply for a council home", "Gwneud cais am gartref")
        .page(page("applicant", "full_name", "email", "phone"))
        .page(page(HOUSEHOLD, "household_size", "bedrooms", "has_children", "tenure", "postcode"))
        .page(Page.builder("large-household").question(question("needs_adaptations"))
            .showIf("household_size > 6").build())
        .page(page("contact", "contact_preference"))
        .route(HOUSEHOLD, "tenure = 'own'", "not-eligible")
        .end(new FormEnd("confirmation", text("Application complete"), text("We will be in touch."), Outcome.SUCCESS))
        .end(new FormEnd("not-eligible", text("You cannot apply"), text("Homeowners cannot apply."),
            Outcome.INELIGIBLE))
        .build();
  }

  private static LocalisedText text(String s) {
    return LocalisedText.of(s, s);
  }

  private static Page page(String id, String... questions) {
    Page.Builder b = Page.builder(id);
    for (String q : questions) {
      b.question(question(q));
    }
    return b.build();
  }

  private static Question question(String id) {
    return HousingForm.QUESTIONS.stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
  }

  /** An engine on this journey, with the given store and no event sink. */
  public static Journeys engine(ProgressStore store) {
    Clock clock = Clock.systemUTC();
    JourneyDefinition def = FormJourney.definition(form(), clock);
    return Journeys.builder().definition(def).store(store).events(EventSink.none()).clock(clock).build();
  }

  /** What the applicant page posts; {@code n} makes the text distinct. */
  public static Map<String, List<String>> applicant(int n) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("full_name", List.of("Applicant Number " + n));
    m.put("email", List.of("applicant" + n + "@example.org"));
    m.put("phone", List.of("020 7946 " + String.format("%04d", n % 10_000)));
    return m;
  }

  /** What the household page posts; {@code n} makes the text distinct. */
  public static Map<String, List<String>> household(int n) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("household_size", List.of(String.valueOf(1 + n % 6)));
    m.put("bedrooms", List.of(String.valueOf(n % 5)));
    m.put("has_children", List.of(n % 2 == 0 ? "yes" : "no"));
    m.put("tenure", List.of("rent_private"));
    m.put("postcode", List.of("sw1a " + (1 + n % 9) + "aa"));
    return m;
  }
}
