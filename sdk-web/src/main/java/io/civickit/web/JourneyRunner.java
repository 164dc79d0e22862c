package io.civickit.web;

import io.civickit.core.JourneyClassifier;
import io.civickit.core.Journeys;
import io.civickit.core.Step;
import io.civickit.core.handoff.HandoffChannel;
import io.civickit.core.handoff.Handoffs;
import io.civickit.core.progress.KeyRing;
import io.civickit.files.Uploads;
import io.civickit.forms.Form;
import io.civickit.forms.address.AddressLookup;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.identity.totp.Totp;
import io.civickit.notify.Notifier;
import io.civickit.submit.Submissions;
import io.civickit.pay.GovUkPay;
import io.civickit.pay.fee.FeeRules;
import io.civickit.pay.step.Payments;
import io.civickit.web.internal.Engine;
import io.civickit.web.internal.PayConfig;
import io.civickit.web.internal.Paths;
import io.civickit.web.internal.RunnerConfig;
import io.civickit.web.internal.UploadPage;
import io.civickit.web.internal.Words;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a journey made from a form, and optionally the agent console, through any web
 * framework: an adapter turns each request into a {@link WebRequest}, calls
 * {@link #handle(WebRequest)} and writes the {@link WebResponse} back.
 *
 * <pre>{@code
 * JourneyRunner runner = JourneyRunner.builder()
 *     .form(Forms.read(Path.of("forms/missed-bin.json")))
 *     .dataSource(dataSource)
 *     .keyRing(keys)
 *     .serverKey(serverKey)
 *     .notifier(outbox)
 *     .publicUrl(URI.create("https://missed-bin.anytown.gov.uk"))
 *     .branding(Branding.builder().council("Anytown Council", "Cyngor Anytown").build())
 *     .build();
 * }</pre>
 *
 * <p>What it guarantees, whatever the framework: sessions kept in the database as hashes and
 * given a new id whenever the person proves who they are; a CSRF token on every form, compared
 * in constant time; {@code __Host-} Secure HttpOnly SameSite cookies; a strict
 * Content-Security-Policy and the other security headers on every response; bodies bounded
 * before they are read and only form bodies accepted; redirects only to paths on this site;
 * nothing changed by a GET; no personal data in its logs.
 */
// Over 500 lines and kept whole: most of it is the builder, one documented setting per method;
// the request handling is already in the internal package.
public final class JourneyRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JourneyRunner.class);

  private final Engine engine;
  private final List<AutoCloseable> onClose;
  private final URI publicUrl;

  private JourneyRunner(RunnerConfig config) {
    this.engine = new Engine(config, this);
    this.onClose = config.onClose();
    this.publicUrl = config.publicUrl();
    engine.start();
  }

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Answers a request.
   *
   * @param request the request
   * @return the response, with every security header; empty when the runner has no page at that
   *     path (the adapter lets the framework carry on, and answers {@link #notFound} in the end)
   */
  public Optional<WebResponse> handle(WebRequest request) {
    return engine.handle(request);
  }

  /**
   * The "page not found" page, in the person's language, with every security header.
   *
   * @param request the request
   * @return the 404 response
   */
  public WebResponse notFound(WebRequest request) {
    return engine.errorPage(request, 404, "notfound.title", "notfound.text");
  }

  /**
   * A page for an error the web server found before the runner saw the request (a malformed
   * request, a header too large), with every security header.
   *
   * @param request the request, as far as it was read
   * @param status the status, 400 to 599
   * @return the response
   */
  public WebResponse errorPage(WebRequest request, int status) {
    if (status == 404) {
      return notFound(request);
    }
    return status == 413 ? engine.errorPage(request, 413, "toolarge.title", "toolarge.text")
        : status >= 500 ? engine.errorPage(request, status, "error.title", "error.text")
        : engine.errorPage(request, status, "bad.title", "bad.text");
  }

  /**
   * The security headers, for an adapter to add to responses the runner did not make.
   *
   * @return name to value
   */
  public Map<String, String> securityHeaders() {
    return engine.securityHeaders();
  }

  /**
   * The URL people use.
   *
   * @return it
   */
  public URI publicUrl() {
    return publicUrl;
  }

  /**
   * The path the service is mounted at ({@link Builder#basePath}).
   *
   * @return {@code /} or a path like {@code /report-a-missed-bin}
   */
  public String basePath() {
    return engine.paths().basePath();
  }

  /**
   * The journeys the runner serves.
   *
   * @return them
   */
  public Journeys journeys() {
    return engine.journeys();
  }

  /**
   * The handoffs.
   *
   * @return them
   */
  public Handoffs handoffs() {
    return engine.handoffs();
  }

  /**
   * Where completed journeys are submitted, if {@link Builder#submissions} was set.
   *
   * @return the submissions service
   */
  public Optional<Submissions> submissions() {
    return engine.submissions();
  }

  /**
   * The TOTP checker of the agent console's sign-in.
   *
   * @return it
   */
  public Totp totp() {
    return engine.totp();
  }

  /**
   * The payment step's engine, when {@link Builder#payments} was set: for the submission
   * document ({@code payments().record(journey)}), capture or a council's own tools.
   *
   * @return it, if payments are taken
   */
  public Optional<Payments> payments() {
    return engine.payments();
  }

  /**
   * Runs the purges now (sessions, expired journeys, identity entries, closed handoffs, delivered
   * submission documents past their retention) if no
   * other instance holds the purge lease. They also run on their own schedule.
   *
   * @return rows deleted by kind; empty if another instance holds the lease
   */
  public Map<String, Integer> purgeNow() {
    return engine.purger().runIfLeader();
  }

  /**
   * Stops the scheduled purges and the submissions' delivery workers, and closes what the runner
   * opened (the outbox workers, an embedded database).
   */
  @Override
  public void close() {
    engine.stop();
    for (int i = onClose.size() - 1; i >= 0; i--) {
      try {
        onClose.get(i).close();
      } catch (Exception e) {
        LOG.warn("could not close {}: {}", onClose.get(i).getClass().getName(), e.getClass().getName());
      }
    }
  }

  /** Configures a {@link JourneyRunner}. */
  public static final class Builder {
    private Form form;
    private DataSource dataSource;
    private KeyRing keyRing;
    private byte[] serverKey;
    private Notifier notifier;
    private URI publicUrl;
    private Clock clock = Clock.systemUTC();
    private Branding branding = Branding.builder().build();
    private final Map<String, String[]> texts = new LinkedHashMap<>();
    private AgentConsole console;
    private boolean emailCheck = true;
    private String emailQuestion;
    private final List<Step> extraSteps = new ArrayList<>();
    private final Map<String, StepPage> stepPages = new LinkedHashMap<>();
    private Uploads uploads;
    private final Map<String, PageHandler> pages = new LinkedHashMap<>();
    private JourneyClassifier classifier;
    private AddressLookup addressLookup;
    private final List<HandoffChannel> fallbacks = new ArrayList<>();
    private int failuresBeforeHandoff = 3;
    private int maxBodyBytes = 64 * 1024;
    private int maxFields = 200;
    private Duration sessionIdle = Duration.ofHours(2);
    private Boolean secureCookies;
    private Duration purgeEvery = Duration.ofHours(1);
    private Duration handoffRetention = Duration.ofDays(90);
    private boolean installSchema = true;
    private final List<AutoCloseable> onClose = new ArrayList<>();
    private Submissions submissions;
    private Duration submissionRetention = Duration.ofDays(90);
    private Duration sessionWarning = Duration.ofMinutes(2);
    private PayConfig pay;
    private Paths paths = Paths.ROOT;

    private Builder() {}

    /**
     * The path the service is mounted at, when it shares a site with other services: every page,
     * link, form action, redirect, asset and link in an email is under it, and requests outside it
     * are not the runner's ({@link JourneyRunner#handle} answers empty). The default is
     * {@code /}, the site's root. The session cookie keeps {@code Path=/} (a {@code __Host-}
     * cookie must).
     *
     * <p>It is the whole path a browser sees: served from a servlet context, it starts with the
     * context's path (a runner at {@code /bins/missed} in the context {@code /bins}).
     *
     * @param value {@code /} or a path like {@code /report-a-missed-bin}: a leading {@code /}, no
     *     trailing one, only letters, digits, {@code -} and {@code _} between slashes
     * @return this
     * @throws io.civickit.core.ConfigurationException if the path is not like that
     */
    public Builder basePath(String value) {
      paths = Paths.of(Objects.requireNonNull(value, "basePath"));
      return this;
    }

    /**
     * The form the journey is made from (required).
     *
     * @param value the form
     * @return this
     */
    public Builder form(Form value) {
      form = Objects.requireNonNull(value, "form");
      return this;
    }

    /**
     * The database for journeys, sessions, limits, handoffs and events (required): H2 or PostgreSQL.
     *
     * @param value the data source
     * @return this
     */
    public Builder dataSource(DataSource value) {
      dataSource = Objects.requireNonNull(value, "dataSource");
      return this;
    }

    /**
     * The key ring that encrypts saved answers and handoff packages (required).
     *
     * @param value the key ring
     * @return this
     */
    public Builder keyRing(KeyRing value) {
      keyRing = Objects.requireNonNull(value, "keyRing");
      return this;
    }

    /**
     * The secret key for passcode hashes, 32 bytes or more, the same on every instance (required).
     *
     * @param value the key
     * @return this
     */
    public Builder serverKey(byte[] value) {
      if (value.length < 32) {
        throw new IllegalArgumentException("the server key must be at least 32 bytes, but was " + value.length);
      }
      serverKey = value.clone();
      return this;
    }

    /**
     * Where emails go (required): usually an outbox whose renderer holds {@link RunnerTemplates}.
     *
     * @param value the notifier
     * @return this
     */
    public Builder notifier(Notifier value) {
      notifier = Objects.requireNonNull(value, "notifier");
      return this;
    }

    /**
     * The URL people use, for links in emails (required).
     *
     * @param value an http(s) URL
     * @return this
     */
    public Builder publicUrl(URI value) {
      if (value.getScheme() == null || !value.getScheme().matches("https?") || value.getHost() == null) {
        throw new IllegalArgumentException("the public URL must be an http(s) URL, but was " + value);
      }
      publicUrl = value;
      return this;
    }

    /**
     * The clock.
     *
     * @param value the clock
     * @return this
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * The council's page chrome.
     *
     * @param value the branding
     * @return this
     */
    public Builder branding(Branding value) {
      branding = Objects.requireNonNull(value, "branding");
      return this;
    }

    /**
     * Replaces one of the runner's texts (its keys are listed in the error for an unknown one).
     *
     * @param key the text's key, such as {@code start.intro}
     * @param english in English
     * @param welsh in Welsh
     * @return this
     */
    public Builder text(String key, String english, String welsh) {
      if (!Words.known(key)) {
        Words.with(Map.of(key, new String[] {english, welsh}));
      }
      texts.put(key, new String[] {Objects.requireNonNull(english, key), Objects.requireNonNull(welsh, key)});
      return this;
    }

    /**
     * Mounts the agent console.
     *
     * @param value the console
     * @return this
     */
    public Builder agentConsole(AgentConsole value) {
      console = Objects.requireNonNull(value, "agentConsole");
      return this;
    }

    /**
     * Whether the person proves their email address with an emailed code after check your
     * answers (default: yes, when the form asks for an email address).
     *
     * @param value true to check
     * @return this
     */
    public Builder emailCheck(boolean value) {
      emailCheck = value;
      return this;
    }

    /**
     * The question holding the person's email address (default: the form's first email question).
     *
     * @param questionId the question's id
     * @return this
     */
    public Builder emailQuestion(String questionId) {
      emailQuestion = Objects.requireNonNull(questionId, "questionId");
      return this;
    }

    /**
     * A step after check your answers (and the email check), with its page: a payment, an upload.
     *
     * @param step the journey step
     * @param page its page
     * @return this
     */
    public Builder afterCheckAnswers(Step step, StepPage page) {
      extraSteps.add(Objects.requireNonNull(step, "step"));
      stepPages.put(step.id(), Objects.requireNonNull(page, "page"));
      return this;
    }

    /**
     * Takes a fee through GOV.UK Pay after check your answers (and the email check): the step
     * {@code pay} with its page (the fee's lines and a "Pay now" button), the return page
     * {@code /payment/return} and its outcome pages, the fee on check your answers, a reconciler
     * every minute for payments finished without a return, and a refund button in the agent
     * console. Attempts are indexed in the {@code civickit_payments} table.
     *
     * @param client the GOV.UK Pay client (or one pointed at {@code FakeGovUkPay} in tests)
     * @param fees the fee rules, worked out from the answers
     * @param description what is being paid for, shown on GOV.UK Pay's page (1 to 255 characters)
     * @return this
     */
    public Builder payments(GovUkPay client, FeeRules fees, String description) {
      if (description.isBlank() || description.length() > 255) {
        throw new IllegalArgumentException("a payment description is 1 to 255 characters, but was "
            + description.length());
      }
      pay = new PayConfig(Objects.requireNonNull(client, "client"), Objects.requireNonNull(fees, "fees"), description,
          pay == null ? Optional.empty() : pay.webhookSecret());
      return this;
    }

    /**
     * Accepts GOV.UK Pay's webhooks at {@code POST /payment/webhook}: signed messages (checked in
     * constant time, bodies of at most 256 KiB) that move a journey on as soon as its payment
     * finishes, faster than the reconciler. Needs {@link #payments}.
     *
     * @param signingSecret the webhook's signing secret from GOV.UK Pay's admin tool
     * @return this
     */
    public Builder payWebhooks(String signingSecret) {
      if (pay == null) {
        throw new IllegalStateException("set payments(...) before payWebhooks(...)");
      }
      if (signingSecret.isBlank()) {
        throw new IllegalArgumentException("the webhook signing secret must not be blank");
      }
      pay = new PayConfig(pay.client(), pay.fees(), pay.description(), Optional.of(signingSecret));
      return this;
    }

    /**
     * Takes files for the form's file questions: each page asking one gets GOV.UK's upload page
     * (add files one at a time, each checked, stored and virus-scanned by {@code uploads}, remove
     * them, continue once there are enough), check your answers lists them by name and size, the
     * answer holds their {@link io.civickit.files.FileRef}s, and an expired journey's files are
     * purged with it. Without this, a file question's page says files cannot be uploaded (there is
     * no way to accept them unscanned).
     *
     * @param value the uploads, with rules for every file question of the form
     *     ({@code UploadRules.from(question)} reads them from the form)
     * @return this
     */
    public Builder uploads(Uploads value) {
      uploads = Objects.requireNonNull(value, "uploads");
      return this;
    }

    /**
     * Replaces the page of a step.
     *
     * @param stepId the step
     * @param page its page
     * @return this
     */
    public Builder stepPage(String stepId, StepPage page) {
      stepPages.put(Objects.requireNonNull(stepId, "stepId"), Objects.requireNonNull(page, "page"));
      return this;
    }

    /**
     * Adds a page, or replaces one of the runner's (matched first).
     *
     * @param method {@code GET} or {@code POST} (a POST's CSRF token is checked before the handler runs)
     * @param path a path, with {@code {name}} segments for values
     * @param handler the handler
     * @return this
     */
    public Builder page(String method, String path, PageHandler handler) {
      if (!method.equals("GET") && !method.equals("POST")) {
        throw new IllegalArgumentException("a page answers GET or POST, but was " + method);
      }
      if (!path.startsWith("/") || path.startsWith("/assets/")) {
        throw new IllegalArgumentException("a page's path starts with / and is not under /assets/, but was " + path);
      }
      pages.put(method + " " + path, Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /**
     * Finds addresses by postcode ("find an address") on each page whose one question is an
     * {@code address}: the person gives a postcode, picks their address from those found, or
     * enters it by hand at any point; a lookup that is down or finds nothing leads to the address
     * fields with the postcode filled in. A picked address is validated as a typed one and saved
     * with its UPRN (see {@code FormJourney.Builder.addressLookup}). Without a lookup, address
     * pages show the address fields.
     *
     * @param value the council's gazetteer or an address API ({@code AddressLookup.inMemory} for tests)
     * @return this
     */
    public Builder addressLookup(AddressLookup value) {
      addressLookup = Objects.requireNonNull(value, "addressLookup");
      return this;
    }

    /**
     * Puts journeys into segments (for KPIs and routing).
     *
     * @param value the classifier
     * @return this
     */
    public Builder segments(JourneyClassifier value) {
      classifier = Objects.requireNonNull(value, "segments");
      return this;
    }

    /**
     * A channel for help requests the agent console cannot take (the phone line, a CRM), tried in order.
     *
     * @param channel the channel
     * @return this
     */
    public Builder handoffFallback(HandoffChannel channel) {
      fallbacks.add(Objects.requireNonNull(channel, "channel"));
      return this;
    }

    /**
     * Failed submissions of one page before an adviser takes over (default 3).
     *
     * @param value at least 1
     * @return this
     */
    public Builder failuresBeforeHandoff(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("failuresBeforeHandoff must be at least 1, but was " + value);
      }
      failuresBeforeHandoff = value;
      return this;
    }

    /**
     * The request limits: the largest form body and the most fields in it (default 64 KiB, 200).
     *
     * @param bytes at least 1024
     * @param fields at least 10
     * @return this
     */
    public Builder limits(int bytes, int fields) {
      if (bytes < 1024 || fields < 10) {
        throw new IllegalArgumentException("limits must be at least 1024 bytes and 10 fields, but were " + bytes
            + " and " + fields);
      }
      maxBodyBytes = bytes;
      maxFields = fields;
      return this;
    }

    /**
     * How long a session lasts unused (default 2 hours).
     *
     * @param value the idle timeout
     * @return this
     */
    public Builder sessionTimeout(Duration value) {
      if (value.compareTo(Duration.ofMinutes(1)) < 0) {
        throw new IllegalArgumentException("the session timeout must be at least a minute, but was " + value);
      }
      sessionIdle = value;
      return this;
    }

    /**
     * How long before the session ends the person is warned, on pages of an application under
     * way (default 2 minutes): a dialog with "Stay signed in", which keeps the session, and "Save
     * and come back later" (WCAG 2.2.1, Timing Adjustable). It must be shorter than the
     * {@link #sessionTimeout(Duration) session timeout}. After the session ends, the next page
     * the person asks for says they have been signed out and how to continue.
     *
     * @param value the warning time, at least 10 seconds
     * @return this
     */
    public Builder sessionWarning(Duration value) {
      if (value.compareTo(Duration.ofSeconds(10)) < 0) {
        throw new IllegalArgumentException("the session warning must be at least 10 seconds, but was " + value);
      }
      sessionWarning = value;
      return this;
    }

    /**
     * Whether cookies are Secure; default: yes unless the public URL is plain-http localhost.
     * Switching it off is allowed only for such a URL.
     *
     * @param value true for Secure
     * @return this
     */
    public Builder secureCookies(boolean value) {
      secureCookies = value;
      return this;
    }

    /**
     * The scheduled purges: how often (zero: never, for a host that calls {@link #purgeNow}) and
     * how long closed handoffs' context packages are kept (default hourly, 90 days).
     *
     * @param every how often
     * @param handoffs how long to keep closed handoffs
     * @return this
     */
    public Builder purges(Duration every, Duration handoffs) {
      if (every.isNegative() || handoffs.isNegative()) {
        throw new IllegalArgumentException("purge periods must not be negative, but were " + every + " and " + handoffs);
      }
      purgeEvery = every;
      handoffRetention = handoffs;
      return this;
    }

    /**
     * Whether the runner creates its tables at start (default yes; no when the council applies
     * the SQL under {@code META-INF/civickit/sql/} with its own migrations).
     *
     * @param value true to create them
     * @return this
     */
    public Builder installSchema(boolean value) {
      installSchema = value;
      return this;
    }

    /**
     * Submits every journey completed successfully to the back office, exactly once per journey
     * (a repeated POST, a payment coming back twice or a second instance never submits twice),
     * with the person's language, the payment sdk-pay's step recorded and the form's files. The
     * runner creates the submission tables (unless {@link #installSchema} is off), starts the
     * delivery workers and stops them when it closes. When {@code submissions} sends applicant
     * copies ({@code applicantCopies(notifier, RunnerTemplates.SUBMISSION_COPY)}) and the form
     * asks for an email address, check your answers offers "Email me a copy of my answers". The
     * agent console lists deliveries that failed, with "Send again".
     *
     * @param value the submissions service, built but not started
     * @return this
     */
    public Builder submissions(Submissions value) {
      submissions = Objects.requireNonNull(value, "submissions");
      return this;
    }

    /**
     * How long stored submission documents are kept once every destination holds them (default
     * 90 days; zero: for ever). The scheduled purges delete them; a submission not yet delivered
     * is kept whatever its age.
     *
     * @param value the retention period
     * @return this
     */
    public Builder submissionRetention(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("the submission retention must not be negative, but was " + value);
      }
      submissionRetention = value;
      return this;
    }

    /**
     * Something to close with the runner (an outbox's workers, a connection pool).
     *
     * @param value the resource
     * @return this
     */
    public Builder closeWith(AutoCloseable value) {
      onClose.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Builds the runner: creates its tables (unless told not to) and starts the purges.
     *
     * @return the runner
     * @throws IllegalStateException naming a missing setting
     */
    public JourneyRunner build() {
      require(form, "form");
      require(dataSource, "dataSource");
      require(keyRing, "keyRing");
      require(serverKey, "serverKey");
      require(notifier, "notifier");
      require(publicUrl, "publicUrl");
      boolean localHttp = "http".equals(publicUrl.getScheme())
          && List.of("localhost", "127.0.0.1", "[::1]").contains(publicUrl.getHost());
      if (Boolean.FALSE.equals(secureCookies) && !localHttp) {
        throw new IllegalStateException("cookies may be sent without Secure only for http://localhost, not " + publicUrl);
      }
      boolean secure = secureCookies == null ? !localHttp : secureCookies;
      if (sessionWarning.compareTo(sessionIdle) >= 0) {
        throw new IllegalStateException("the session warning (" + sessionWarning + ") must be shorter than the "
            + "session timeout (" + sessionIdle + ")");
      }
      Optional<String> email = Optional.empty();
      if (emailCheck) {
        if (emailQuestion != null) {
          if (form.question(emailQuestion).isEmpty()) {
            throw new IllegalStateException("the form has no question \"" + emailQuestion + "\" for the email check");
          }
          email = Optional.of(emailQuestion);
        } else {
          email = form.questions().stream().filter(q -> q.type() == QuestionType.EMAIL).map(Question::id).findFirst();
        }
      }
      return new JourneyRunner(new RunnerConfig(form, dataSource, keyRing, serverKey, notifier, publicUrl, clock,
          branding, Map.copyOf(texts), Optional.ofNullable(console), email, List.copyOf(extraSteps),
          Map.copyOf(UploadPage.withUploadPages(form, Optional.ofNullable(uploads), stepPages)), Map.copyOf(pages), Optional.ofNullable(classifier), List.copyOf(fallbacks),
          failuresBeforeHandoff, maxBodyBytes, maxFields, sessionIdle, secure, purgeEvery, handoffRetention,
          installSchema, List.copyOf(onClose), Optional.ofNullable(submissions), submissionRetention,
          Optional.ofNullable(addressLookup), Optional.ofNullable(pay), sessionWarning, paths));
    }

    private static void require(Object o, String name) {
      if (o == null) {
        throw new IllegalStateException("set " + name + " before building the runner");
      }
    }
  }
}
