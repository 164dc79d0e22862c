package io.civickit.spring;

import io.civickit.web.JourneyRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * With Spring Security and no security configuration of the application's own: the agent console
 * behind the council's sign-in (Spring Security's login, with the application's
 * {@code UserDetailsService} or whatever authentication it configures), every citizen page open.
 *
 * <p>Spring Security's CSRF check is left off the runner's pages: the runner checks its own token
 * on every form, and Spring's check would read the form body before the runner does. It stays on
 * for Spring Security's own login and logout. Define a {@link SecurityFilterChain} bean to decide
 * otherwise; do the same there (see docs/spring-boot.md).
 */
@AutoConfiguration(before = CivicKitWebAutoConfiguration.class,
    beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnClass({JourneyRunner.class, SecurityFilterChain.class, HttpSecurity.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "civickit.web", name = "form")
@EnableConfigurationProperties(WebProperties.class)
public class CivicKitWebSecurityAutoConfiguration {

  /** Creates the configuration (Spring does). */
  public CivicKitWebSecurityAutoConfiguration() {}

  /**
   * The agent console needs a signed-in adviser; every other page is open.
   *
   * @param http Spring Security's builder
   * @param properties the {@code civickit.web.*} settings (the console's path, under {@code civickit.web.path})
   * @return the chain
   * @throws Exception as Spring Security's builder does
   */
  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  public SecurityFilterChain civicKitSecurityFilterChain(HttpSecurity http, WebProperties properties)
      throws Exception {
    // under civickit.web.path, as the runner mounts it (matchers are within the context path)
    String mount = properties.path() == null || properties.path().strip().equals("/") ? "" : properties.path().strip();
    String agent = mount + properties.agent().path();
    http.authorizeHttpRequests(a -> a
            .requestMatchers(agent, agent + "/**").authenticated()
            .anyRequest().permitAll())
        .formLogin(Customizer.withDefaults())
        .csrf(c -> c.ignoringRequestMatchers(r -> {
          String path = r.getRequestURI().substring(r.getContextPath().length());
          return !path.equals("/login") && !path.equals("/logout");
        }));
    return http.build();
  }
}
