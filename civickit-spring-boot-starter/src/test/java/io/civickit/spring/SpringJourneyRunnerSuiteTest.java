package io.civickit.spring;

import io.civickit.test.web.JourneyRunnerSuite;
import io.civickit.web.JourneyRunner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The runner's own suite over HTTP, with the runner served by the starter's filter in a Spring
 * Boot application on embedded Tomcat with Spring MVC: the application's own runner bean, which the
 * starter serves instead of making one.
 */
class SpringJourneyRunnerSuiteTest extends JourneyRunnerSuite {

  @SpringBootApplication
  static class App {}

  @Override
  protected AutoCloseable serve(JourneyRunner runner, int port) {
    ConfigurableApplicationContext ctx = new SpringApplicationBuilder(App.class)
        .web(WebApplicationType.SERVLET)
        .initializers(c -> c.getBeanFactory().registerSingleton("ownRunner", runner))
        .properties("server.port=" + port, "server.address=127.0.0.1", "spring.main.banner-mode=off",
            "civickit.web.form=classpath:io/civickit/test/web/suite-form.json",
            "spring.profiles.active=dev",
            // The suite signs its adviser in with the runner's own sign-in: no Spring Security here.
            "spring.autoconfigure.exclude="
                + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
                + "io.civickit.spring.CivicKitWebSecurityAutoConfiguration")
        .run();
    return ctx::close;
  }
}
