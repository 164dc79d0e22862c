package io.civickit.examples.garden;

import io.civickit.core.CivicKitException;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.Journeys;
import io.civickit.core.event.EventSink;
import io.civickit.core.handoff.HandoffChannels;
import io.civickit.core.handoff.HandoffRouter;
import io.civickit.core.handoff.HandoffStore;
import io.civickit.core.handoff.Handoffs;
import io.civickit.core.handoff.OpeningHours;
import io.civickit.core.segment.SegmentRules;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.ProgressStore;
import io.civickit.core.progress.ResumeTokenStore;
import io.civickit.core.progress.Schema;
import io.civickit.forms.Form;
import io.civickit.forms.html.FormRenderer;
import io.civickit.identity.IdentityStore;
import io.civickit.identity.passcode.Passcodes;
import io.civickit.identity.step.IdentityCheckStep;
import io.civickit.identity.totp.Totp;
import io.civickit.notify.Notifier;
import io.civickit.notify.channel.FileOutbox;
import io.civickit.notify.channel.GovUkNotify;
import io.civickit.notify.channel.NotificationChannel;
import io.civickit.notify.channel.Smtp;
import io.civickit.notify.outbox.Outbox;
import io.civickit.notify.outbox.OutboxSchema;
import io.civickit.notify.template.Templates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The garden waste permit service: every CivicKit block wired into one small Javalin app.
 *
 * <pre>{@code
 * try (GardenWasteApp app = GardenWasteApp.start(ServiceConfig.builder().port(0).build())) {
 *   System.out.println(app.url());
 * }
 * }</pre>
 */
public final class GardenWasteApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GardenWasteApp.class);
  private static final String WEBJAR = "/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";
  private static final String OWN_STATIC = "/io/civickit/examples/garden/static/";
  static final String SESSION_ATTRIBUTE = "civickit.session";

  final ServiceConfig config;
  final DataSource dataSource;
  final Form form;
  final FormRenderer renderer;
  final Journeys journeys;
  final Outbox outbox;
  final Notifier notifier;
  final Passcodes passcodes;
  final Totp totp;
  /** Limits and lockouts shared by every instance (passcodes, TOTP, staff sign-in). */
  final IdentityStore identityStore;
  final Sessions sessions;
  final HelpDesk helpDesk;
  final Assist assist;
  final Handoffs handoffs;
  final List<ServiceConfig.StaffAccount> staff;
  private final Outbox.Workers workers;
  private final Javalin javalin;
  private final boolean secureCookies;
  private final String cookieName;
  private final URI url;
  private final Path h2File;

  private GardenWasteApp(ServiceConfig config) {
    this.config = config;
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new CivicKitException("could not create the data directory " + config.dataDir() + ": " + e.getMessage(), e);
    }
    this.h2File = config.databaseUrl().isEmpty() ? config.dataDir().toAbsolutePath().resolve("garden-waste") : null;
    this.dataSource = dataSource(config, h2File);
    Schema.install(dataSource, Schema.CORE, "identity", "handoff");
    OutboxSchema.install(dataSource);
    this.sessions = new Sessions(dataSource, config.clock());
    sessions.install();
    KeyRing keys = keyRing(config);
    this.helpDesk = new HelpDesk(dataSource, keys, config.clock());
    helpDesk.install();

    byte[] serverKey = serverKey(config);
    this.outbox = Outbox.builder()
        .dataSource(dataSource)
        .renderer(Notifications.templates())
        .channel(channel(config))
        .keyRing(keys)
        .pollInterval(Duration.ofMillis(200))
        .build();
    this.notifier = outbox;
    this.identityStore = IdentityStore.jdbc(dataSource);
    this.passcodes = Passcodes.builder()
        .notifier(notifier)
        .emailTemplate(Notifications.PASSCODE)
        .serverKey(serverKey)
        .store(identityStore)
        .clock(config.clock())
        .build();
    this.totp = Totp.builder().store(identityStore).clock(config.clock()).build();
    this.form = GardenWasteForm.form();
    this.renderer = new FormRenderer(form.title().en());
    this.journeys = Journeys.builder()
        .definition(GardenWasteForm.definition(form, config.clock(),
            IdentityCheckStep.passcode(GardenWasteForm.CONFIRM_EMAIL, "email_check", passcodes,
                GardenWasteForm.EMAIL, true)))
        .store(ProgressStore.jdbc(dataSource, keys))
        .tokens(ResumeTokenStore.jdbc(dataSource))
        .events(EventSink.jdbc(dataSource))
        .classifier(SegmentRules.builder(config.clock())
            .rule("assisted-collection", "assisted_collection = true")
            .otherwise("standard")
            .build())
        .clock(config.clock())
        .build();
    this.staff = staffAccounts(config);
    this.assist = new Assist(notifier, this::url);
    // Handoff: the agent console first; if it cannot take the person, the phone number with its hours.
    HandoffRouter router = HandoffRouter.builder(config.clock())
        .channel(helpDesk)
        .channel(HandoffChannels.phone("01234 567890", OpeningHours.builder(ZoneId.of("Europe/London"))
            .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build(), config.clock()))
        .defaultRoute(helpDesk.name(), "phone")
        .build();
    this.handoffs = Handoffs.builder(journeys, router)
        .store(HandoffStore.jdbc(dataSource))
        .redact(GardenWasteForm.EMAIL, "phone")
        .failuresBeforeHandoff(config.failuresBeforeHandoff())
        .build();
    this.workers = outbox.startWorkers(1);

    CitizenPages citizen = new CitizenPages(this);
    AgentPages agent = new AgentPages(this);
    this.javalin = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.http.maxRequestSize = config.maxRequestBytes();
      cfg.jetty.host = config.host();
      cfg.jetty.port = config.port();
      cfg.jetty.modifyHttpConfiguration(h -> h.setSendServerVersion(false));
      cfg.routes.before(this::before);
      cfg.routes.get("/assets/<path>", this::asset);
      citizen.routes(cfg.routes);
      agent.routes(cfg.routes);
      cfg.routes.after(this::after);
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        // Never the message: it may hold what someone typed.
        LOG.error("request failed: {} at {}", e.getClass().getName(), ctx.method() + " " + ctx.path(), e);
        ctx.status(500).html(simplePage(ctx, "error.title", "error.text"));
      });
      cfg.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
          ctx.html(simplePage(ctx, "notfound.title", "notfound.text"));
        }
      });
    }).start();
    int port = javalin.port();
    this.secureCookies = config.secureCookies(port);
    this.cookieName = secureCookies ? "__Host-ck-session" : "ck-session";
    this.url = config.publicUrl(port);
  }

  /**
   * Starts the service: creates the tables it needs, starts a notification worker and the web
   * server.
   */
  public static GardenWasteApp start(ServiceConfig config) {
    return new GardenWasteApp(config);
  }

  /** The port the server listens on. */
  public int port() {
    return javalin.port();
  }

  /** The URL people use. */
  public URI url() {
    return url;
  }

  /** Stops the web server and the worker, and closes an embedded database. */
  @Override
  public void close() {
    javalin.stop();
    workers.close();
    if (h2File != null) {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        LOG.warn("could not shut the embedded database down: {}", e.getMessage());
      }
    }
  }

  // ---------------------------------------------------------------------------------- wiring

  private static DataSource dataSource(ServiceConfig config, Path h2File) {
    String url = config.databaseUrl().orElse("jdbc:h2:file:" + h2File + ";DB_CLOSE_DELAY=-1");
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      config.databaseUser().ifPresent(pg::setUser);
      config.databasePassword().ifPresent(pg::setPassword);
      return pg;
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    h2.setUser(config.databaseUser().orElse(""));
    h2.setPassword(config.databasePassword().orElse(""));
    return h2;
  }

  private static KeyRing keyRing(ServiceConfig config) {
    String fromEnv = config.env().get("CIVICKIT_KEYS");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return KeyRing.parse(fromEnv);
    }
    Path file = config.dataDir().resolve("key-ring.txt");
    return KeyRing.parse(readOrCreate(file, () -> KeyRing.generate("k1").format()));
  }

  private static byte[] serverKey(ServiceConfig config) {
    String fromEnv = config.env().get("CIVICKIT_SERVER_KEY");
    String text = fromEnv != null && !fromEnv.isBlank() ? fromEnv
        : readOrCreate(config.dataDir().resolve("server-key.txt"), () -> {
          byte[] b = new byte[32];
          new SecureRandom().nextBytes(b);
          return Base64.getEncoder().encodeToString(b);
        });
    byte[] key = Base64.getDecoder().decode(text.strip());
    if (key.length < 32) {
      throw new IllegalArgumentException("the server key must be at least 32 bytes, but was " + key.length);
    }
    return key;
  }

  /** A secret kept in the data directory (development default): created once, readable by the owner only. */
  private static synchronized String readOrCreate(Path file, java.util.function.Supplier<String> create) {
    try {
      if (!Files.exists(file)) {
        Path tmp = Files.createTempFile(file.getParent(), ".secret-", ".tmp");
        try {
          tmp.toFile().setReadable(false, false);
          tmp.toFile().setReadable(true, true);
          Files.writeString(tmp, create.get(), StandardCharsets.US_ASCII);
          Files.move(tmp, file);
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // another instance created it first: use theirs
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new CivicKitException("could not read or create " + file + ": " + e.getMessage(), e);
    }
  }

  private static NotificationChannel channel(ServiceConfig config) {
    Map<String, String> env = config.env();
    switch (config.notifications()) {
      case "smtp": {
        Smtp smtp = Smtp.builder()
            .host(required(env, "CIVICKIT_SMTP_HOST"))
            .port(Integer.parseInt(env.getOrDefault("CIVICKIT_SMTP_PORT", "587")))
            .startTls(!"false".equals(env.get("CIVICKIT_SMTP_STARTTLS")))
            .from(required(env, "CIVICKIT_SMTP_FROM"));
        if (env.containsKey("CIVICKIT_SMTP_USER")) {
          smtp.credentials(env.get("CIVICKIT_SMTP_USER"), required(env, "CIVICKIT_SMTP_PASSWORD"));
        }
        return smtp.build();
      }
      case "notify": {
        GovUkNotify notify = GovUkNotify.builder().apiKey(required(env, "CIVICKIT_NOTIFY_API_KEY"));
        Optional.ofNullable(env.get("CIVICKIT_NOTIFY_BASE_URL")).map(URI::create).ifPresent(notify::baseUrl);
        for (String pair : env.getOrDefault("CIVICKIT_NOTIFY_TEMPLATES", "").split(",")) {
          String[] kv = pair.split("=", 2);
          if (kv.length == 2) {
            notify.templateId(kv[0].strip(), kv[1].strip());
          }
        }
        return notify.build();
      }
      default:
        return FileOutbox.in(config.outboxDir());
    }
  }

  private static String required(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("set the environment variable " + name + " for these notifications");
    }
    return v;
  }

  private static List<ServiceConfig.StaffAccount> staffAccounts(ServiceConfig config) {
    List<ServiceConfig.StaffAccount> out = new ArrayList<>(config.staff());
    Path file = config.dataDir().resolve("staff.properties");
    Properties p = new Properties();
    try {
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          p.load(in);
        }
      } else if (out.isEmpty()) {
        String password = Sessions.newId().substring(0, 16);
        p.setProperty("adviser", PasswordHash.hash(password.toCharArray()));
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          p.store(w, "Agent console accounts: username=PBKDF2 hash (java ... PasswordHash), username.totp=BASE32 secret");
        }
        System.out.println("Created an agent console account: user \"adviser\", password \"" + password
            + "\" (only its hash is kept, in " + file + ")");
      }
    } catch (IOException e) {
      throw new CivicKitException("could not read " + file + ": " + e.getMessage(), e);
    }
    for (String name : p.stringPropertyNames()) {
      if (!name.endsWith(".totp")) {
        out.add(new ServiceConfig.StaffAccount(name, p.getProperty(name),
            Optional.ofNullable(p.getProperty(name + ".totp"))));
      }
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------------------------- per request

  private void before(Context ctx) {
    ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
        + "img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (secureCookies) {
      ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (!ctx.path().startsWith("/assets/")) {
      ctx.header("Cache-Control", "no-store");
    }
    if (ctx.contentLength() > config.maxRequestBytes()) {
      ctx.status(413).html(simplePage(ctx, "error.title", "error.text"));
      ctx.skipRemainingHandlers();
      return;
    }
    if (ctx.method() == HandlerType.POST) {
      Optional<Sessions.Session> s = existingSession(ctx);
      String sent = ctx.formParam("csrf");
      boolean ok = s.isPresent() && sent != null && MessageDigest.isEqual(
          sent.getBytes(StandardCharsets.UTF_8), s.get().get("csrf").orElse("").getBytes(StandardCharsets.UTF_8));
      if (!ok) {
        ctx.status(403).html(simplePage(ctx, "forbidden.title", "forbidden.text"));
        ctx.skipRemainingHandlers();
      }
    }
  }

  private void after(Context ctx) {
    String type = ctx.res().getContentType();
    if (type != null && type.equals("text/html")) {
      ctx.contentType("text/html; charset=utf-8");
    }
    Object attr = ctx.attribute(SESSION_ATTRIBUTE);
    if (attr instanceof Sessions.Session s) {
      boolean newCookie = !s.id().equals(ctx.cookie(cookieName));
      sessions.save(s);
      if (newCookie) {
        ctx.res().addHeader("Set-Cookie", cookieName + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Lax"
            + (secureCookies ? "; Secure" : ""));
      }
    }
  }

  private Optional<Sessions.Session> existingSession(Context ctx) {
    Object attr = ctx.attribute(SESSION_ATTRIBUTE);
    if (attr instanceof Sessions.Session s) {
      return Optional.of(s);
    }
    Optional<Sessions.Session> s = sessions.find(ctx.cookie(cookieName));
    s.ifPresent(x -> ctx.attribute(SESSION_ATTRIBUTE, x));
    return s;
  }

  /** The person's session, created on first use. */
  Sessions.Session session(Context ctx) {
    return existingSession(ctx).orElseGet(() -> {
      Sessions.Session s = sessions.create();
      ctx.attribute(SESSION_ATTRIBUTE, s);
      return s;
    });
  }

  /** Ends the session and starts an empty one (sign out). */
  Sessions.Session resetSession(Context ctx) {
    existingSession(ctx).ifPresent(sessions::delete);
    Sessions.Session s = sessions.create();
    ctx.attribute(SESSION_ATTRIBUTE, s);
    return s;
  }

  Locale locale(Context ctx) {
    return existingSession(ctx).flatMap(s -> s.get("lang")).filter("cy"::equals).map(x -> Text.WELSH)
        .orElse(Locale.UK);
  }

  String csrf(Context ctx) {
    return session(ctx).get("csrf").orElseThrow();
  }

  /** The journey of this session, if any. */
  Optional<Journey> journey(Context ctx) {
    return existingSession(ctx).flatMap(s -> s.get("journey")).flatMap(JourneyId::tryParse)
        .flatMap(journeys::find);
  }

  String simplePage(Context ctx, String titleKey, String textKey) {
    Locale l = locale(ctx);
    return Html.page(l, form.title().in(l), Text.t(l, titleKey), false,
        Html.h1(Text.t(l, titleKey)) + Html.p(Text.t(l, textKey)), Html.Chrome.citizen(ctx.path()).noHelp());
  }

  /** Static files: the service's own, then GOV.UK Frontend's from its webjar. */
  private void asset(Context ctx) {
    String path = ctx.pathParam("path");
    if (!path.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*") || path.contains("..")) {
      ctx.status(404);
      return;
    }
    String[] candidates = {OWN_STATIC + path, WEBJAR + "assets/" + path,
        path.startsWith("govuk-frontend.min.") ? WEBJAR + path : null};
    for (String c : candidates) {
      if (c == null) {
        continue;
      }
      InputStream in = GardenWasteApp.class.getResourceAsStream(c);
      if (in != null) {
        try (in) {
          ctx.contentType(contentType(path)).header("Cache-Control", "public, max-age=3600").result(in.readAllBytes());
        } catch (IOException e) {
          throw new CivicKitException("could not read " + c, e);
        }
        return;
      }
    }
    ctx.status(404);
  }

  private static String contentType(String path) {
    String ext = path.substring(path.lastIndexOf('.') + 1);
    switch (ext) {
      case "css": return "text/css; charset=utf-8";
      case "js": return "text/javascript; charset=utf-8";
      case "woff2": return "font/woff2";
      case "woff": return "font/woff";
      case "svg": return "image/svg+xml";
      case "png": return "image/png";
      case "ico": return "image/x-icon";
      case "json": return "application/json";
      default: return "application/octet-stream";
    }
  }
}
