package io.civickit.web;

import io.civickit.core.ConfigurationException;
import io.civickit.core.StorageUnavailableException;
import io.civickit.core.handoff.HandoffChannels;
import io.civickit.core.handoff.OpeningHours;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.segment.SegmentRules;
import io.civickit.files.FileStore;
import io.civickit.files.UploadRules;
import io.civickit.files.Uploads;
import io.civickit.files.VirusScanner;
import io.civickit.forms.Form;
import io.civickit.forms.Forms;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.notify.channel.FolderChannel;
import io.civickit.notify.channel.GovUkNotify;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.Smtp;
import io.civickit.notify.outbox.Outbox;
import io.civickit.submit.CaseWebhook;
import io.civickit.submit.Destination;
import io.civickit.submit.SubmissionSchema;
import io.civickit.submit.Submissions;
import io.civickit.submit.TeamEmail;
import io.civickit.pay.GovUkPay;
import io.civickit.pay.fee.FeeRules;
import io.civickit.web.internal.UrlDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A service described by a properties file, command-line options and environment variables,
 * turned into a ready {@link JourneyRunner.Builder}: the database (an H2 file in the data
 * directory unless a JDBC URL is given), the secrets, the email channel and its outbox, the
 * council's branding and texts, the agent console's accounts, segments, the phone line, and where
 * completed applications are delivered (sdk-submit: a team inbox folder by default).
 *
 * <p>Each setting is read from {@code --name value}, then {@code CIVICKIT_NAME} (upper case, dots
 * and hyphens as underscores; of the names with dots, only {@code submit.*} are read so), then the
 * file. Secrets come from the environment only
 * ({@code CIVICKIT_KEYS}: a key ring as {@code KeyRing.format()} writes it;
 * {@code CIVICKIT_SERVER_KEY}: base64, 32 bytes or more); without them, generated ones are kept
 * in the data directory, readable by the owner only. Several instances sharing a database must
 * share these.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code form}</td><td>the form's JSON, on the class path or a file</td><td>required</td></tr>
 *   <tr><td>{@code port}, {@code host}</td><td>where to listen (port 0: a free port)</td><td>7000, 127.0.0.1</td></tr>
 *   <tr><td>{@code database-url}, {@code database-user}, {@code database-password}</td><td>JDBC</td>
 *       <td>H2 in the data directory</td></tr>
 *   <tr><td>{@code database-pool-size}</td><td>connections kept open (HikariCP)</td><td>10</td></tr>
 *   <tr><td>{@code data-dir}</td><td>the H2 file and generated secrets</td><td>{@code ./data}</td></tr>
 *   <tr><td>{@code public-url}</td><td>the URL people use</td><td>{@code http://localhost:PORT}</td></tr>
 *   <tr><td>{@code base-path}</td><td>the path the service is mounted at, like {@code /report-a-missed-bin}
 *       ({@link JourneyRunner.Builder#basePath}); {@code agent-path} and {@code /payment/webhook} are under it</td>
 *       <td>{@code /}</td></tr>
 *   <tr><td>{@code notifications}</td><td>{@code file}, {@code smtp} or {@code notify}</td><td>file</td></tr>
 *   <tr><td>{@code outbox-dir}</td><td>where the file channel writes emails</td><td>{@code ./outbox}</td></tr>
 *   <tr><td>{@code insecure-cookies}</td><td>cookies without Secure (http://localhost only)</td><td>off</td></tr>
 *   <tr><td>{@code staff-file}</td><td>agent console accounts: {@code name=hash}, {@code name.totp=secret}</td>
 *       <td>{@code DATA/staff.properties}, created with one account</td></tr>
 *   <tr><td>{@code agent-path}</td><td>where the agent console is mounted ({@code none}: not at all)</td><td>/agent</td></tr>
 *   <tr><td>{@code council.en}, {@code council.cy}, {@code phase}, {@code feedback-url}, {@code logo},
 *       {@code logo-alt}, {@code stylesheet}</td><td>the page chrome ({@link Branding})</td><td></td></tr>
 *   <tr><td>{@code text.KEY.en}, {@code text.KEY.cy}</td><td>a runner text replaced</td><td></td></tr>
 *   <tr><td>{@code segment.NAME}</td><td>a segment's condition (in name order); {@code segment-otherwise}</td><td></td></tr>
 *   <tr><td>{@code phone}, {@code phone-hours}</td><td>the phone line help falls back to, weekday hours
 *       ({@code 09:00-17:00})</td><td>none</td></tr>
 *   <tr><td>{@code failures-before-handoff}</td><td>failed submissions before an adviser takes over</td><td>3</td></tr>
 *   <tr><td>{@code submit.folder}</td><td>the team inbox folder each completed application is dropped into
 *       (JSON, PDF and CSV; {@code none}: no folder)</td><td>{@code DATA/team-inbox}</td></tr>
 *   <tr><td>{@code submit.email.to}</td><td>a team address each application is emailed to, with the PDF and
 *       CSV attached, through the SMTP server in {@code CIVICKIT_SMTP_HOST}, {@code _PORT}, {@code _STARTTLS},
 *       {@code _FROM}, {@code _USER}, {@code _PASSWORD} (as for {@code notifications = smtp})</td><td>none</td></tr>
 *   <tr><td>{@code submit.webhook.url}</td><td>a case system's endpoint each application is posted to as signed
 *       JSON, with the secret (32 bytes or more) in {@code CIVICKIT_SUBMIT_WEBHOOK_SECRET}</td><td>none</td></tr>
 *   <tr><td>{@code submit.retention}</td><td>how long stored submission documents are kept once delivered:
 *       days ({@code 90}) or an ISO-8601 duration ({@code P90D}); {@code 0}: for ever</td><td>90 days</td></tr>
 *   <tr><td>{@code pay.fees}</td><td>fee rules' JSON, on the class path or a file: takes the fee through
 *       GOV.UK Pay after check your answers ({@link JourneyRunner.Builder#payments})</td><td>no payment</td></tr>
 *   <tr><td>{@code pay.description}</td><td>what is paid for, on GOV.UK Pay's page</td><td>the form's title</td></tr>
 *   <tr><td>{@code pay.base-url}</td><td>GOV.UK Pay's API (https; http only on localhost, for a fake)</td>
 *       <td>{@code https://publicapi.payments.service.gov.uk}</td></tr>
 *   <tr><td>{@code pay.api-key}</td><td>a secret: from {@code CIVICKIT_PAY_API_KEY} (or {@link #with}) only</td>
 *       <td>required with {@code pay.fees}</td></tr>
 *   <tr><td>{@code pay.webhook-secret}</td><td>a secret: from {@code CIVICKIT_PAY_WEBHOOK_SECRET} (or
 *       {@link #with}) only; accepts GOV.UK Pay's webhooks at {@code /payment/webhook}</td><td>no webhooks</td></tr>
 *   <tr><td>{@code upload-clamd}</td><td>the ClamAV daemon that scans uploaded files, {@code host:port};
 *       without it the form's upload pages refuse files (never accepted unscanned)</td><td>none</td></tr>
 *   <tr><td>{@code upload-store}</td><td>where files are kept, encrypted: {@code folder} or {@code database}</td>
 *       <td>folder</td></tr>
 *   <tr><td>{@code upload-folder}</td><td>the folder for {@code upload-store=folder}</td><td>{@code DATA/uploads}</td></tr>
 *   <tr><td>{@code upload-max-bytes}</td><td>the largest file, lowering a question's own {@code maxFileBytes}</td>
 *       <td>the question's (10MB)</td></tr>
 * </table>
 *
 * <p>{@code CIVICKIT_PAY_NAME} sets {@code pay.name} (environment names cannot hold a dot).
 */
// Over 500 lines and kept whole: each setting is documented, read (flag, environment, file) and
// checked in one place, then turned into a runner builder; splitting would separate a setting
// from its check.
public final class ServiceSettings {
  private final Map<String, String> values;
  private final Map<String, String> env;
  private final List<StaffAccount> extraStaff = new ArrayList<>();
  private Clock clock = Clock.systemUTC();
  private int port = -1;

  private ServiceSettings(Map<String, String> values, Map<String, String> env) {
    this.values = values;
    this.env = Map.copyOf(env);
    port();
  }

  /**
   * Reads the settings.
   *
   * @param file the properties file: a class path resource ({@code /garden-waste.properties}) or a file path
   * @param args {@code --name value} options (and {@code --insecure-cookies})
   * @param env the environment
   * @return the settings
   * @throws IllegalArgumentException for an unknown option, a missing file or a bad value
   */
  public static ServiceSettings load(String file, String[] args, Map<String, String> env) {
    Map<String, String> v = new LinkedHashMap<>();
    Properties p = new Properties();
    try (InputStream in = open(file)) {
      try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("could not read the settings file " + file + ": " + e.getMessage(), e);
    }
    p.stringPropertyNames().forEach(k -> v.put(k, p.getProperty(k).strip()));
    refuseSecrets(v.keySet(), "the settings file " + file);
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getKey().startsWith("CIVICKIT_") && !e.getValue().isBlank()) {
        String name = e.getKey().substring(9).toLowerCase(Locale.ROOT).replace('_', '-');
        if (!name.equals("keys") && !name.equals("server-key") && !name.startsWith("smtp-") && !name.startsWith("notify-")
            && !name.equals("submit-webhook-secret")) {
          v.put(name.startsWith("pay-") ? "pay." + name.substring(4) : name, e.getValue());
        }
      }
    }
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--insecure-cookies")) {
        v.put("insecure-cookies", "true");
        continue;
      }
      if (!a.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value, but got \"" + a + "\"");
      }
      refuseSecrets(List.of(a.substring(2)), "the command line");
      v.put(a.substring(2), args[++i]);
    }
    return new ServiceSettings(v, env);
  }

  /** GOV.UK Pay's secrets come from the environment only, never a file or the command line. */
  private static void refuseSecrets(java.util.Collection<String> names, String where) {
    for (String secret : List.of("pay.api-key", "pay.webhook-secret")) {
      if (names.contains(secret)) {
        throw new IllegalArgumentException(secret + " is a secret: set it in the environment as CIVICKIT_"
            + secret.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ", not in " + where);
      }
    }
  }

  private static InputStream open(String file) throws IOException {
    InputStream in = ServiceSettings.class.getResourceAsStream(file.startsWith("/") ? file : "/" + file);
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (in == null && context != null) {
      in = context.getResourceAsStream(file.startsWith("/") ? file.substring(1) : file);
    }
    if (in == null) {
      in = Files.newInputStream(Path.of(file));
    }
    return in;
  }

  /**
   * Sets a value as if it had been given with {@code --name value} (tests, hosts).
   *
   * @param name the setting
   * @param value its value
   * @return this
   */
  public ServiceSettings with(String name, String value) {
    values.put(name, value);
    if (name.equals("port")) {
      port = -1;
      port();
    }
    return this;
  }

  /**
   * Adds an agent console account beside those of the staff file.
   *
   * @param account the account
   * @return this
   */
  public ServiceSettings staff(StaffAccount account) {
    extraStaff.add(account);
    return this;
  }

  /**
   * The clock the runner uses (tests).
   *
   * @param value the clock
   * @return this
   */
  public ServiceSettings clock(Clock value) {
    clock = value;
    return this;
  }

  /**
   * A setting's value.
   *
   * @param name the setting
   * @return its value, if set
   */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name)).filter(s -> !s.isBlank());
  }

  /**
   * The port to listen on (a free one, chosen now, for port 0).
   *
   * @return the port
   */
  public int port() {
    if (port < 0) {
      int p = parseInt("port", get("port").orElse("7000"));
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, but was " + p);
      }
      port = p == 0 ? freePort() : p;
    }
    return port;
  }

  /**
   * The address to listen on.
   *
   * @return the host
   */
  public String host() {
    return get("host").orElse("127.0.0.1");
  }

  /**
   * The URL people use.
   *
   * @return it
   */
  public URI publicUrl() {
    return URI.create(get("public-url").orElse("http://localhost:" + port()));
  }

  /**
   * The data directory.
   *
   * @return it
   */
  public Path dataDir() {
    return Path.of(get("data-dir").orElse("data"));
  }

  /**
   * Where the file channel writes emails.
   *
   * @return it
   */
  public Path outboxDir() {
    return Path.of(get("outbox-dir").orElse("outbox"));
  }

  /**
   * The form.
   *
   * @return the form read from the {@code form} setting
   */
  public Form form() {
    String f = get("form").orElseThrow(() -> new IllegalArgumentException("set form= to the form's JSON file"));
    try (InputStream in = open(f)) {
      return Forms.read(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("could not read the form " + f + ": " + e.getMessage(), e);
    }
  }

  /**
   * A runner builder with everything these settings say: call {@code build()} (after adding
   * pages or steps of the host's own).
   *
   * @return the builder
   */
  public JourneyRunner.Builder runner() {
    try {
      Files.createDirectories(dataDir());
    } catch (IOException e) {
      throw new ConfigurationException("data-dir", "(" + dataDir() + ") could not be created ("
          + e.getClass().getSimpleName() + ")", "set data-dir to a folder this process may write", e);
    }
    Form form = form();
    JourneyRunner.Builder b = JourneyRunner.builder().form(form).clock(clock).publicUrl(publicUrl());
    get("base-path").ifPresent(v -> {
      try {
        b.basePath(v.strip());
      } catch (ConfigurationException e) {
        throw new ConfigurationException("base-path", e.problem(), e.remedy());
      }
    });
    Optional<String> url = get("database-url");
    url.ifPresent(u -> {
      if (!u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("the database URL must start with jdbc:h2: or jdbc:postgresql:");
      }
    });
    boolean embedded = url.isEmpty();
    UrlDataSource ds = new UrlDataSource(url.orElse("jdbc:h2:file:" + dataDir().toAbsolutePath().resolve("service")
        + ";DB_CLOSE_DELAY=-1"), get("database-user").orElse(embedded ? "" : null),
        get("database-password").orElse(embedded ? "" : null), embedded,
        get("database-pool-size").map(v -> parseInt("database-pool-size", v)).orElse(10));
    b.dataSource(ds);
    KeyRing keys = keyRing();
    b.keyRing(keys).serverKey(serverKey());
    uploads(form, ds, keys).ifPresent(b::uploads);
    Outbox outbox = Outbox.builder().dataSource(ds).renderer(RunnerTemplates.defaults().build())
        .channel(channel()).keyRing(keys).pollInterval(Duration.ofMillis(200)).clock(clock).build();
    b.notifier(outbox);
    b.submissions(submissions(ds, keys, outbox, form));
    submitSetting("retention").ifPresent(v -> b.submissionRetention(days("submit.retention", v)));
    b.branding(branding());
    texts(b);
    if (get("insecure-cookies").map(Boolean::parseBoolean).orElse(false)) {
      b.secureCookies(false);
    }
    get("failures-before-handoff").ifPresent(v -> b.failuresBeforeHandoff(parseInt("failures-before-handoff", v)));
    segments(b);
    get("phone").ifPresent(number -> {
      String[] hours = get("phone-hours").orElse("09:00-17:00").split("-");
      b.handoffFallback(HandoffChannels.phone(number, OpeningHours.builder(ZoneId.of("Europe/London"))
          .weekdays(LocalTime.parse(hours[0].strip()), LocalTime.parse(hours[1].strip())).build(), clock));
    });
    get("pay.fees").ifPresent(fees -> payments(b, fees, form));
    String agent = get("agent-path").orElse("/agent");
    if (!agent.equals("none")) {
      b.agentConsole(AgentConsole.builder().path(agent).accounts(staffAccounts()).build());
    }
    // The tables first, so the worker finds its table; closed in reverse: the workers stop before
    // the embedded database shuts down.
    io.civickit.core.progress.Schema.install(ds, io.civickit.core.progress.Schema.Part.CORE,
        io.civickit.core.progress.Schema.Part.IDENTITY, io.civickit.core.progress.Schema.Part.HANDOFF,
        io.civickit.core.progress.Schema.Part.WEB);
    io.civickit.notify.outbox.OutboxSchema.install(ds);
    SubmissionSchema.install(ds);
    b.closeWith(ds);
    Outbox.Workers workers = outbox.startWorkers(1);
    b.closeWith(workers::close);
    return b;
  }

  private void payments(JourneyRunner.Builder b, String feesFile, Form form) {
    String key = get("pay.api-key").orElseThrow(() -> new IllegalArgumentException(
        "pay.fees is set: set CIVICKIT_PAY_API_KEY to the service's GOV.UK Pay API key"));
    GovUkPay.Builder client = GovUkPay.builder().apiKey(key).clock(clock);
    get("pay.base-url").map(URI::create).ifPresent(client::baseUri);
    FeeRules fees;
    try (InputStream in = open(feesFile)) {
      fees = FeeRules.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("could not read the fee rules " + feesFile + ": " + e.getMessage(), e);
    }
    b.payments(client.build(), fees, get("pay.description").orElse(form.title().en()));
    get("pay.webhook-secret").ifPresent(b::payWebhooks);
  }

  /**
   * The uploads for the form's file questions: files kept encrypted in a folder of the data
   * directory (or the database) and scanned by the clamd at {@code upload-clamd}. Without that
   * setting there is none, and the upload pages say files cannot be uploaded.
   */
  private Optional<Uploads> uploads(Form form, DataSource ds, KeyRing keys) {
    List<Question> questions = form.questions().stream().filter(q -> q.type() == QuestionType.FILE).toList();
    Optional<String> clamd = get("upload-clamd");
    if (questions.isEmpty() || clamd.isEmpty()) {
      return Optional.empty();
    }
    String address = clamd.get().strip();
    int colon = address.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("upload-clamd is host:port, such as 127.0.0.1:3310, but was \"" + address + "\"");
    }
    int port = parseInt("upload-clamd's port", address.substring(colon + 1));
    FileStore store;
    switch (get("upload-store").orElse("folder").toLowerCase(Locale.ROOT)) {
      case "folder":
        store = FileStore.onDisk(get("upload-folder").map(Path::of).orElse(dataDir().resolve("uploads")), keys);
        break;
      case "database":
        io.civickit.core.progress.Schema.install(ds, io.civickit.core.progress.Schema.Part.FILES);
        store = FileStore.jdbc(ds, keys);
        break;
      default:
        throw new IllegalArgumentException("upload-store is folder or database, but was \"" + get("upload-store").get()
            + "\"");
    }
    Optional<Long> most = get("upload-max-bytes").map(v -> (long) parseInt("upload-max-bytes", v));
    Uploads.Builder u = Uploads.builder().store(store).clock(clock)
        .scanner(VirusScanner.clamAv(address.substring(0, colon), port));
    for (Question q : questions) {
      UploadRules r = UploadRules.from(q);
      u.rules(q.id(), most.isEmpty() ? r : new UploadRules(r.allowedTypes(), Math.min(r.maxBytes(), most.get()),
          r.minFiles(), r.maxFiles(), r.minImageWidth(), r.minImageHeight(), r.maxImageWidth(), r.maxImageHeight(),
          r.allowPasswordProtectedPdf()));
    }
    return Optional.of(u.build());
  }

  private Branding branding() {
    Branding.Builder br = Branding.builder().council(get("council.en").orElse("Your council"),
        get("council.cy").or(() -> get("council.en")).orElse("Eich cyngor"));
    get("phase").ifPresent(p -> br.phase(p, get("feedback-url").orElse(null)));
    get("logo").ifPresent(l -> br.logo(l, get("logo-alt").orElse("")));
    get("stylesheet").ifPresent(br::stylesheet);
    return br.build();
  }

  private void texts(JourneyRunner.Builder b) {
    Map<String, String[]> t = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith("text.") && (k.endsWith(".en") || k.endsWith(".cy"))) {
        String key = k.substring(5, k.length() - 3);
        t.computeIfAbsent(key, x -> new String[2])[k.endsWith(".en") ? 0 : 1] = v;
      }
    });
    t.forEach((key, pair) -> {
      if (pair[0] == null || pair[1] == null) {
        throw new IllegalArgumentException("text." + key + " needs both .en and .cy");
      }
      b.text(key, pair[0], pair[1]);
    });
  }

  private void segments(JourneyRunner.Builder b) {
    Map<String, String> rules = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith("segment.")) {
        rules.put(k.substring(8), v);
      }
    });
    if (rules.isEmpty()) {
      return;
    }
    SegmentRules.Builder s = SegmentRules.builder().clock(clock);
    rules.forEach(s::rule);
    b.segments(s.otherwise(get("segment-otherwise").orElse("standard")).build());
  }

  private List<StaffAccount> staffAccounts() {
    List<StaffAccount> out = new ArrayList<>(extraStaff);
    Path file = get("staff-file").map(Path::of).orElse(dataDir().resolve("staff.properties"));
    Properties p = new Properties();
    try {
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          p.load(in);
        }
      } else if (out.isEmpty()) {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        p.setProperty("adviser", PasswordHash.hash(password.toCharArray()));
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          p.store(w, "Agent console accounts: username=PBKDF2 hash (java io.civickit.web.PasswordHash), "
              + "username.totp=BASE32 secret");
        }
        System.out.println("Created an agent console account: user \"adviser\", password \"" + password
            + "\" (only its hash is kept, in " + file + ")");
      }
    } catch (IOException e) {
      throw new StorageUnavailableException(file.toString(), "read or create the agent console accounts", e);
    }
    for (String name : new TreeMap<>(Map.copyOf(toMap(p))).keySet()) {
      if (!name.endsWith(".totp")) {
        out.add(new StaffAccount(name, p.getProperty(name), Optional.ofNullable(p.getProperty(name + ".totp"))));
      }
    }
    return out;
  }

  private static Map<String, String> toMap(Properties p) {
    Map<String, String> m = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
    return m;
  }

  private KeyRing keyRing() {
    String fromEnv = env.get("CIVICKIT_KEYS");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return KeyRing.parse(fromEnv);
    }
    return KeyRing.parse(readOrCreate(dataDir().resolve("key-ring.txt"), () -> KeyRing.generate("k1").format()));
  }

  private byte[] serverKey() {
    String fromEnv = env.get("CIVICKIT_SERVER_KEY");
    String text = fromEnv != null && !fromEnv.isBlank() ? fromEnv
        : readOrCreate(dataDir().resolve("server-key.txt"), () -> {
          byte[] b = new byte[32];
          new SecureRandom().nextBytes(b);
          return Base64.getEncoder().encodeToString(b);
        });
    return Base64.getDecoder().decode(text.strip());
  }

  /** A secret kept in the data directory (development default): created once, readable by the owner only. */
  private static synchronized String readOrCreate(Path file, Supplier<String> create) {
    try {
      if (!Files.exists(file)) {
        Path tmp = Files.createTempFile(file.getParent(), ".secret-", ".tmp");
        try {
          tmp.toFile().setReadable(false, false);
          tmp.toFile().setReadable(true, true);
          Files.writeString(tmp, create.get(), StandardCharsets.US_ASCII);
          Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
          // another instance created it first: use theirs
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new StorageUnavailableException(file.toString(), "read or create a generated secret", e);
    }
  }

  /**
   * Where completed applications go: the team inbox folder unless {@code submit.folder = none},
   * a team email address, a case system's webhook; copies for the applicant through the outbox.
   */
  private Submissions submissions(DataSource ds, KeyRing keys, Outbox outbox, Form form) {
    Submissions.Builder s = Submissions.builder().dataSource(ds).keyRing(keys).clock(clock).workers(1)
        .councilName(get("council.en").orElse("Your council"))
        .applicantCopies(outbox, RunnerTemplates.SUBMISSION_COPY);
    String folder = submitSetting("folder").orElse(dataDir().resolve("team-inbox").toString());
    if (!folder.equals("none")) {
      s.destination(form.id(), Destination.folder(Path.of(folder)));
    }
    submitSetting("email.to").ifPresent(to -> {
      SmtpEnv server = smtpServer("submit.email.to");
      TeamEmail.Smtp mail = TeamEmail.smtp().host(server.host()).port(server.port()).startTls(server.startTls())
          .from(server.from()).to(to);
      server.user().ifPresent(u -> mail.credentials(u, server.password()));
      s.destination(form.id(), mail.build());
    });
    submitSetting("webhook.url").ifPresent(url -> s.destination(form.id(), CaseWebhook.builder().url(URI.create(url))
        .secret(required("CIVICKIT_SUBMIT_WEBHOOK_SECRET", "submit.webhook.url")).build()));
    return s.build();
  }

  /** A {@code submit.NAME} setting, also read as {@code CIVICKIT_SUBMIT_NAME} (dots as underscores). */
  private Optional<String> submitSetting(String name) {
    return get("submit." + name).or(() -> get("submit-" + name.replace('.', '-')));
  }

  /** The SMTP server in the environment, shared by the email channel and the team email destination. */
  private record SmtpEnv(String host, int port, boolean startTls, String from, Optional<String> user,
      String password) {}

  private SmtpEnv smtpServer(String forWhat) {
    Optional<String> user = Optional.ofNullable(env.get("CIVICKIT_SMTP_USER")).filter(u -> !u.isBlank());
    return new SmtpEnv(required("CIVICKIT_SMTP_HOST", forWhat),
        parseInt("CIVICKIT_SMTP_PORT", env.getOrDefault("CIVICKIT_SMTP_PORT", "587")),
        !"false".equals(env.get("CIVICKIT_SMTP_STARTTLS")), required("CIVICKIT_SMTP_FROM", forWhat), user,
        user.isPresent() ? required("CIVICKIT_SMTP_PASSWORD", forWhat) : "");
  }

  /** A period given as days ({@code 90}) or an ISO-8601 duration ({@code P90D}, {@code PT12H}). */
  private static Duration days(String name, String v) {
    String t = v.strip();
    try {
      Duration d = t.matches("[0-9]{1,6}") ? Duration.ofDays(Long.parseLong(t)) : Duration.parse(t);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, but was \"" + v + "\"");
      }
      return d;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a number of days (90) or an ISO-8601 duration (P90D), "
          + "but was \"" + v + "\"", e);
    }
  }

  private NotificationChannel channel() {
    switch (get("notifications").orElse("file").toLowerCase(Locale.ROOT)) {
      case "smtp": {
        SmtpEnv server = smtpServer("these notifications");
        var smtp = Smtp.builder().host(server.host()).port(server.port()).startTls(server.startTls())
            .from(server.from());
        server.user().ifPresent(u -> smtp.credentials(u, server.password()));
        return smtp.build();
      }
      case "notify": {
        var notify = GovUkNotify.builder().apiKey(required("CIVICKIT_NOTIFY_API_KEY", "these notifications"));
        Optional.ofNullable(env.get("CIVICKIT_NOTIFY_BASE_URL")).map(URI::create).ifPresent(notify::baseUrl);
        for (String pair : env.getOrDefault("CIVICKIT_NOTIFY_TEMPLATES", "").split(",")) {
          String[] kv = pair.split("=", 2);
          if (kv.length == 2) {
            notify.templateId(kv[0].strip(), kv[1].strip());
          }
        }
        return notify.build();
      }
      case "file":
        return FolderChannel.in(outboxDir());
      default:
        throw new IllegalArgumentException("notifications must be file, smtp or notify, but was "
            + get("notifications").orElse(""));
    }
  }

  private String required(String name, String forWhat) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("set the environment variable " + name + " for " + forWhat);
    }
    return v;
  }

  private static int parseInt(String name, String v) {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, but was \"" + v + "\"", e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new ConfigurationException("port", "is 0 and no free port could be found (" + e.getClass().getSimpleName()
          + ")", "set port to a port this process may listen on", e);
    }
  }

  @Override
  public String toString() {
    return "ServiceSettings[" + host() + ":" + port + ", database="
        + get("database-url").map(u -> u.replaceAll("\\?.*", "")).orElse("h2 in " + dataDir()) + "]";
  }
}
