package io.civickit.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The garden waste permit journey, start page to confirmation, as a person with a browser goes
 * through it: every form page sent with its CSRF token, the redirect after each POST followed,
 * the emailed code read from the outbox folder, the fee (two bins, £90) paid on the GOV.UK Pay card
 * page (the example's TEST fake). Each virtual user makes one application with an
 * address of its own; a closed model keeps {@code load.users} journeys in flight for
 * {@code load.seconds}. With several {@code load.urls}, users are spread over the instances.
 *
 * <p>Every page is checked (its address and its heading), and the run fails if any request
 * failed.
 */
public class GardenWasteJourneySimulation extends Simulation {
  private static final String[] URLS = System.getProperty("load.urls", "http://127.0.0.1:7101").split(",");
  private static final int USERS = Integer.getInteger("load.users", 8);
  private static final int SECONDS = Integer.getInteger("load.seconds", 60);
  private static final EmailCodes CODES = new EmailCodes(Path.of(System.getProperty("load.outbox", "outbox")));
  private static final AtomicLong PEOPLE = new AtomicLong();
  private static final LocalDate START = LocalDate.now().plusMonths(2);

  private static final CheckBuilder CSRF = regex("name=\"csrf\" value=\"([^\"]+)\"").saveAs("csrf");

  /** A form page's POST: the fields with the last page's token; lands on {@code next}. */
  private static HttpRequestActionBuilder send(String page, String next, String heading, Map<String, Object> fields) {
    return http(page).post("/apply/" + page).formParamMap(fields).formParam("csrf", "#{csrf}")
        .check(status().is(200), currentLocation().transform(u -> u.replaceAll("^https?://[^/]+", "")).is(next),
            substring(heading), CSRF);
  }

  private static final ChainBuilder JOURNEY = exec(session -> {
        long n = PEOPLE.incrementAndGet();
        return session.set("email", "load-" + n + "@example.org").set("line1", n + " Garden Row");
      })
      .exec(http("start page").get("/").check(status().is(200), CSRF))
      .exec(http("start").post("/start").formParam("csrf", "#{csrf}")
          .check(status().is(200), substring("Do you live in the council area?"), CSRF))
      .exec(send("lives-in-area", "/apply/address", "What is your address?", Map.of("lives_in_area", "yes")))
      .exec(send("address", "/apply/bins", "How many garden waste bins", Map.of("address-line1", "#{line1}",
          "address-town", "Anytown", "address-postcode", "SW1A 1AA")))
      .exec(send("bins", "/apply/concession", "Council Tax Reduction", Map.of("number_of_bins", "2")))
      .exec(send("concession", "/apply/assisted-collection", "Do you need an assisted collection?",
          Map.of("council_tax_reduction", "no")))
      .exec(send("assisted-collection", "/apply/start-date", "When do you want collections to start?", Map.of("assisted_collection", "no")))
      .exec(send("start-date", "/apply/contact", "Your contact details", Map.of("start_date-day", START.getDayOfMonth(),
          "start_date-month", START.getMonthValue(), "start_date-year", START.getYear())))
      .exec(send("contact", "/apply/check-answers", "Check your answers", Map.of("email", "#{email}")))
      .exec(send("check-answers", "/apply/confirm-email", "#{email}", Map.of("accept", "")))
      .exec(asLongAs(session -> CODES.code(session.getString("email")) == null)
          .on(pause(Duration.ofMillis(50))))
      .exec(session -> session.set("code", CODES.code(session.getString("email"))))
      .exec(http("confirm-email").post("/apply/confirm-email").formParam("code", "#{code}").formParam("csrf", "#{csrf}")
          .check(status().is(200), currentLocation().transform(u -> u.replaceAll("^https?://[^/]+", ""))
              .is("/apply/pay"), substring("£90"), CSRF))
      // Paying: the runner sends the person to GOV.UK Pay's card page (the example's TEST fake
      // without an API key), which returns them to the service after a successful payment.
      .exec(http("pay now").post("/apply/pay").formParam("csrf", "#{csrf}")
          .check(status().is(200), currentLocation().saveAs("card"), substring("£90.00")))
      .exec(http("card").post("#{card}").formParam("action", "pay")
          .check(status().is(200), currentLocation().transform(u -> u.replaceAll("^https?://[^/]+", ""))
              .is("/apply/confirmation"), regex("id=\"reference\">([0-9A-Z-]{11})<").exists()));

  private final ScenarioBuilder people = scenario("garden waste permit").exec(group("journey").on(JOURNEY));

  private final HttpProtocolBuilder protocol = http.baseUrls(URLS).acceptHeader("text/html")
      .userAgentHeader("CivicKit load test");

  {
    setUp(people.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))))
        .protocols(protocol)
        .maxDuration(Duration.ofSeconds(SECONDS + 60))
        .assertions(global().failedRequests().count().is(0L));
  }
}
