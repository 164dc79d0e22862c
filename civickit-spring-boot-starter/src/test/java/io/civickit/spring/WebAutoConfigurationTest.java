package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.forms.Form;
import io.civickit.notify.MessageRenderer;
import io.civickit.notify.outbox.Outbox;
import io.civickit.notify.template.Templates;
import io.civickit.spring.internal.SpringSecuritySignIn;
import io.civickit.web.JourneyRunner;
import io.civickit.web.RunnerTemplates;
import io.civickit.web.StaffSignIn;
import io.civickit.testsupport.H2Database;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.core.context.SecurityContextHolder;

class WebAutoConfigurationTest {
  static final String FORM = "civickit.web.form=classpath:io/civickit/test/web/suite-form.json";

  static WebApplicationContextRunner web() {
    DataSource ds = H2Database.inMemory().dataSource();
    return new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CivicKitSecretsAutoConfiguration.class,
            CivicKitStoresAutoConfiguration.class, CivicKitNotifyAutoConfiguration.class,
            CivicKitWebAutoConfiguration.class))
        .withPropertyValues("civickit.keys=" + Contexts.KEYS, "civickit.server-key=" + Contexts.SERVER_KEY,
            "civickit.notify.workers=0")
        .withBean(DataSource.class, () -> ds);
  }

  @Test
  void aFormPropertyGivesTheRunnerItsTemplatesAndTheFilterInFrontOfTheApplication() {
    web().withPropertyValues(FORM).run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx.getBean(Form.class).id()).isEqualTo("suite-form");
      assertThat(ctx.getBean(MessageRenderer.class)).isInstanceOf(Templates.class);
      assertThat(((Templates) ctx.getBean(MessageRenderer.class)).ids()).contains(RunnerTemplates.PASSCODE,
          RunnerTemplates.SAVE_AND_RETURN, RunnerTemplates.CONFIRMATION, RunnerTemplates.CONTINUE_ONLINE);
      assertThat(ctx).hasSingleBean(Outbox.class);
      FilterRegistrationBean<?> filter = ctx.getBean("civicKitJourneyRunnerFilter", FilterRegistrationBean.class);
      assertThat(filter.getUrlPatterns()).containsExactly("/*");
      JourneyRunner runner = ctx.getBean(JourneyRunner.class);
      assertThat(runner.publicUrl().toString()).isEqualTo("http://localhost:8080");
    });
  }

  @Test
  void withoutAFormThereIsNoRunner() {
    web().run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(JourneyRunner.class)
        .doesNotHaveBean("civicKitJourneyRunnerFilter").doesNotHaveBean(Form.class));
  }

  @Test
  void aFormFileThatIsNotThereStopsTheStartSayingWhatToSet() {
    web().withPropertyValues("civickit.web.form=classpath:forms/missing.json").run(ctx -> {
      var a = Contexts.analysis(ctx.getStartupFailure());
      assertThat(a.getDescription())
          .isEqualTo("civickit.web.form names classpath:forms/missing.json, which does not exist.");
      assertThat(a.getAction()).isEqualTo("Set civickit.web.form to the form's JSON, for example "
          + "classpath:forms/my-service.json for src/main/resources/forms/my-service.json.");
    });
  }

  @Test
  void anInvalidFormStopsTheStartWithTheFormsOwnMessage() {
    web().withPropertyValues("civickit.web.form=classpath:forms/broken.json").run(ctx -> {
      var a = Contexts.analysis(ctx.getStartupFailure());
      assertThat(a.getDescription()).startsWith("classpath:forms/broken.json is not a valid CivicKit form: ");
      assertThat(a.getAction()).isEqualTo("Correct the form; the civickit command's lint (civickit lint "
          + "broken.json) lists every problem with its place in the file.");
    });
  }

  @Test
  void aStaffAccountWithoutAPasswordHashStopsTheStartNotTheFirstRequest() {
    web().withPropertyValues(FORM, "civickit.web.agent.accounts.jsmith=letmein")
        .withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
        .run(ctx -> {
          var a = Contexts.analysis(ctx.getStartupFailure());
          assertThat(a.getDescription()).isEqualTo("The agent console's settings are wrong: the password of jsmith "
              + "is not a PasswordHash hash.");
          assertThat(a.getDescription() + a.getAction()).doesNotContain("letmein");
        });
  }

  @Test
  void notInAServletApplicationThereIsNoRunner() {
    Contexts.withDatabase().withPropertyValues(FORM)
        .withConfiguration(AutoConfigurations.of(CivicKitWebAutoConfiguration.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(JourneyRunner.class));
  }

  @Test
  void withoutSdkWebThereIsNoRunner() {
    web().withPropertyValues(FORM).withClassLoader(new FilteredClassLoader(JourneyRunner.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean("civicKitJourneyRunnerFilter"));
  }

  @Test
  void withSpringSecurityTheAgentConsoleTrustsTheCouncilsSignInAndWithoutItItsOwn() {
    web().withPropertyValues(FORM).run(ctx ->
        assertThat(ctx.getBean(StaffSignIn.class)).isSameAs(SpringSecuritySignIn.INSTANCE));
    web().withPropertyValues(FORM).withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(StaffSignIn.class));
  }
}
