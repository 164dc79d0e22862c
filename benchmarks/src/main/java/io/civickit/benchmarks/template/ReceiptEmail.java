package io.civickit.benchmarks.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The email every renderer in the comparison produces: an application receipt with ten
 * placeholders, a conditional paragraph and a bulleted list, in GOV.UK Notify's template
 * language for CivicKit. Each renderer makes the subject, the plain-text body and the HTML body;
 * {@code CompetitorsAgreeTest} checks that all three are identical across renderers.
 */
public final class ReceiptEmail {
  private ReceiptEmail() {}

  /** The template id. */
  public static final String ID = "application-receipt";

  /** The subject, in Notify's template language. */
  public static final String SUBJECT = "Your application ((reference)) for ((service))";

  /** The body, in Notify's template language and markdown subset. */
  public static final String BODY = String.join("\n",
      "Dear ((first name)) ((last name)),",
      "",
      "We received your application for ((service)) on ((date received)).",
      "",
      "Your reference number is ((reference)). You will need it if you contact us.",
      "",
      "((paid by card??We have taken your payment by card.))",
      "",
      "You told us about:",
      "",
      "((items))",
      "",
      "We will contact you by ((contact date)). If anything changes, call us on ((phone)).",
      "",
      "((officer name))",
      "((team name))");

  /** The personalisation, as a service passes it to CivicKit (and to GOV.UK Notify). */
  public static Map<String, Object> personalisation() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("first_name", "Ann");
    p.put("last_name", "Example");
    p.put("service", "a council home");
    p.put("date_received", "3 June 2025");
    p.put("reference", "7KD-4MX-R9T");
    p.put("paid_by_card", "yes");
    p.put("items", List.of("a household of 4", "3 bedrooms needed", "damp in the current home", "a child at Anytown Primary"));
    p.put("contact_date", "17 June 2025");
    p.put("phone", "01632 960 001");
    p.put("officer_name", "Sam Officer");
    p.put("team_name", "Housing & Benefits");
    return p;
  }
}
