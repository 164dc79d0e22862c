package io.civickit.spring;

import io.civickit.core.ConfigurationException;
import io.civickit.core.handoff.HandoffChannel;
import io.civickit.core.progress.KeyRing;
import io.civickit.forms.Form;
import io.civickit.forms.FormFormatException;
import io.civickit.forms.Forms;
import io.civickit.forms.address.AddressLookup;
import io.civickit.notify.MessageRenderer;
import io.civickit.notify.Notifier;
import io.civickit.notify.template.Templates;
import io.civickit.spring.internal.JourneyRunnerFilter;
import io.civickit.web.AgentConsole;
import io.civickit.web.Branding;
import io.civickit.web.JourneyRunner;
import io.civickit.web.RunnerTemplates;
import io.civickit.web.StaffAccount;
import io.civickit.web.StaffSignIn;
import io.civickit.web.servlet.JourneyRunnerServlet;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The journey runner (sdk-web) serving the form named by {@code civickit.web.form} as a whole
 * service — start page, question pages, check your answers, the email code, confirmation, save
 * and return, get help and the agent console — through a servlet filter in front of the
 * application's own controllers: paths the runner has no page for go on to them.
 *
 * <p>It runs on the beans the other parts make: the {@code DataSource}, key ring, server key and
 * outbox. Unless the application defines a {@link MessageRenderer}, the outbox renders with
 * {@link RunnerTemplates#defaults()}. With Spring Security on the class path, the agent console
 * trusts the council's own sign-in (the authenticated principal's name is the adviser); without
 * it, the runner's own sign-in with {@code civickit.web.agent.accounts}.
 */
@AutoConfiguration(after = {CivicKitSecretsAutoConfiguration.class, CivicKitStoresAutoConfiguration.class},
    before = CivicKitNotifyAutoConfiguration.class,
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({JourneyRunner.class, JourneyRunnerServlet.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "civickit.web", name = "form")
@EnableConfigurationProperties(WebProperties.class)
public class CivicKitWebAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(CivicKitWebAutoConfiguration.class);

  /** Creates the configuration (Spring does). */
  public CivicKitWebAutoConfiguration() {}

  /**
   * The runner's email templates (the code, save and return, confirmation, continue online),
   * for the outbox to render with.
   *
   * @return the templates
   */
  @Bean
  @ConditionalOnMissingBean(MessageRenderer.class)
  public Templates civicKitRunnerTemplates() {
    return RunnerTemplates.defaults().build();
  }

  /**
   * The form, read and checked at start-up.
   *
   * @param properties the {@code civickit.web.*} settings
   * @param resources to open the form's location
   * @return the form
   * @throws CivicKitConfigurationException if the file is missing or not a valid form
   */
  @Bean
  @ConditionalOnMissingBean
  public Form civicKitForm(WebProperties properties, ResourceLoader resources) {
    String location = String.valueOf(properties.form());
    Resource r = resources.getResource(location);
    if (!r.exists()) {
      throw new CivicKitConfigurationException("civickit.web.form", "civickit.web.form names " + location
          + ", which does not exist.", "Set civickit.web.form to the form's JSON, for example "
          + "classpath:forms/my-service.json for src/main/resources/forms/my-service.json.");
    }
    try (InputStream in = r.getInputStream()) {
      return Forms.read(in);
    } catch (FormFormatException | IOException e) {
      throw new CivicKitConfigurationException("civickit.web.form", location + " is not a valid CivicKit form: "
          + e.getMessage(), "Correct the form; the civickit command's lint (civickit lint " + r.getFilename()
          + ") lists every problem with its place in the file.", e);
    }
  }

  /**
   * The runner. Created at the first request, once the server's port is known (the public URL
   * defaults to it); closed with the application context.
   *
   * @param p the {@code civickit.web.*} settings
   * @param schema the {@code civickit.*} settings (whether CivicKit installs tables)
   * @param form the form
   * @param dataSource the application's database
   * @param keys the key ring
   * @param serverKey the server key
   * @param notifier the outbox
   * @param signIn the council's own sign-in, when Spring Security is present
   * @param fallback where help goes when the agent console cannot take it, if the application defines one
   * @param addressLookup finds addresses by postcode on address pages, if the application defines one
   * @param customizers submissions, payments and uploads, and the application's own changes
   * @param environment for the server's port
   * @return the runner
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  @ConditionalOnBean(DataSource.class)
  public JourneyRunner civicKitJourneyRunner(WebProperties p, CivicKitProperties schema, Form form,
      DataSource dataSource, KeyRing keys, ServerKey serverKey, Notifier notifier,
      ObjectProvider<StaffSignIn> signIn, ObjectProvider<HandoffChannel> fallback,
      ObjectProvider<AddressLookup> addressLookup, ObjectProvider<JourneyRunnerCustomizer> customizers,
      Environment environment) {
    URI url = p.publicUrl() != null ? p.publicUrl() : URI.create("http://localhost:"
        + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
    Branding.Builder brand = Branding.builder().council(p.council(),
        p.councilWelsh() == null ? p.council() : p.councilWelsh());
    if (p.phase() != null) {
      brand.phase(p.phase(), p.feedbackUrl());
    }
    JourneyRunner.Builder b = JourneyRunner.builder()
        .form(form)
        .dataSource(dataSource)
        .keyRing(keys)
        .serverKey(serverKey.bytes())
        .notifier(notifier)
        .publicUrl(url)
        .basePath(basePath(p, environment))
        .branding(brand.build())
        .installSchema(schema.schema().install());
    agentConsole(p.agent(), signIn.getIfAvailable()).ifPresent(b::agentConsole);
    fallback.ifUnique(b::handoffFallback);
    addressLookup.ifUnique(b::addressLookup);
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  /**
   * The runner's base path: {@code server.servlet.context-path} then {@code civickit.web.path}
   * (the runner sees whole request paths, context path included).
   */
  static String basePath(WebProperties p, Environment environment) {
    String context = environment.getProperty("server.servlet.context-path", "").strip();
    context = context.equals("/") ? "" : context;
    String path = p.path() == null ? "" : p.path().strip();
    String whole = context + (path.equals("/") ? "" : path);
    try {
      // checked here (the builder checks eagerly), not when the runner is made at the first request
      String base = whole.isEmpty() ? "/" : whole;
      JourneyRunner.builder().basePath(base);
      return base;
    } catch (ConfigurationException e) {
      throw new CivicKitConfigurationException("civickit.web.path", "civickit.web.path is \"" + path
          + "\", under the context path \"" + context + "\": the runner's path " + e.problem() + ".",
          "Set civickit.web.path to the path the service is mounted at, like /report-a-missed-bin, or leave it "
          + "unset for the site's root.");
    }
  }

  /** The console the settings describe; the messages of sdk-web name the bad value but never a hash. */
  static Optional<AgentConsole> agentConsole(WebProperties.Agent agent, @Nullable StaffSignIn sso) {
    try {
      AgentConsole.Builder console = AgentConsole.builder().path(agent.path());
      if (sso != null) {
        return Optional.of(console.sso(sso).build());
      }
      if (agent.accounts().isEmpty()) {
        return Optional.empty();
      }
      List<StaffAccount> accounts = new ArrayList<>();
      for (Map.Entry<String, String> a : agent.accounts().entrySet()) {
        accounts.add(new StaffAccount(a.getKey(), a.getValue(), Optional.ofNullable(agent.totp().get(a.getKey()))));
      }
      return Optional.of(console.accounts(accounts).build());
    } catch (IllegalArgumentException e) {
      throw new CivicKitConfigurationException("civickit.web.agent", "The agent console's settings are wrong: "
          + e.getMessage() + ".", "Correct civickit.web.agent.path (like /agent) or civickit.web.agent.accounts "
          + "(<username>=<hash from sdk-web's PasswordHash.hash>).");
    }
  }

  /**
   * The filter that hands each request to the runner, after Spring Security's filters and
   * before the application's controllers.
   *
   * @param runner the runner, created at the first request
   * @param properties the {@code civickit.web.*} settings, to check the console's now
   * @param signIn the council's own sign-in, when Spring Security is present
   * @param environment for the context path
   * @return the registration
   * @throws CivicKitConfigurationException if the agent console's settings or {@code civickit.web.path} are wrong
   */
  @Bean
  @ConditionalOnMissingBean(name = "civicKitJourneyRunnerFilter")
  public FilterRegistrationBean<JourneyRunnerFilter> civicKitJourneyRunnerFilter(ObjectProvider<JourneyRunner> runner,
      WebProperties properties, ObjectProvider<StaffSignIn> signIn, Environment environment) {
    // The runner is made at the first request: its console settings are checked now, so that a
    // mistake stops the start rather than the first request.
    if (agentConsole(properties.agent(), signIn.getIfAvailable()).isEmpty()) {
      LOG.info("no agent console: set civickit.web.agent.accounts.<username>=<password hash>, or add Spring Security "
          + "for the council's own sign-in");
    }
    FilterRegistrationBean<JourneyRunnerFilter> r = new FilterRegistrationBean<>(
        new JourneyRunnerFilter(runner::getObject, basePath(properties, environment)));
    r.addUrlPatterns("/*");
    r.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    r.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    r.setName("civicKitJourneyRunner");
    return r;
  }

  /** With Spring Security: the council's sign-in decides who is an adviser. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
  static class SpringSecuritySignInConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StaffSignIn civicKitSpringSecuritySignIn() {
      return io.civickit.spring.internal.SpringSecuritySignIn.INSTANCE;
    }
  }
}
