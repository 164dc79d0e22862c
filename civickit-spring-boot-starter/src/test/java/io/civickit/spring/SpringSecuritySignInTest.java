package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.spring.internal.SpringSecuritySignIn;
import io.civickit.web.WebRequest;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class SpringSecuritySignInTest {
  /** A request claiming to be someone in a header: never believed. */
  static final WebRequest REQUEST = new WebRequest() {
    @Override public String method() { return "GET"; }
    @Override public String path() { return "/agent"; }
    @Override public Optional<String> query() { return Optional.empty(); }
    @Override public Optional<String> header(String name) { return Optional.of("intruder"); }
    @Override public InputStream body() { return InputStream.nullInputStream(); }
    @Override public String remoteAddress() { return "127.0.0.1"; }
  };

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void theAdviserIsWhoeverSpringSecurityAuthenticated() {
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("jsmith",
        null, List.of(new SimpleGrantedAuthority("ROLE_ADVISER"))));
    assertThat(SpringSecuritySignIn.INSTANCE.adviser(REQUEST)).contains("jsmith");
  }

  @Test
  void anAnonymousOrUnauthenticatedRequestIsNoAdviserWhateverItsHeadersSay() {
    assertThat(SpringSecuritySignIn.INSTANCE.adviser(REQUEST)).isEmpty();
    SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
        List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
    assertThat(SpringSecuritySignIn.INSTANCE.adviser(REQUEST)).isEmpty();
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.unauthenticated("jsmith",
        "guess"));
    assertThat(SpringSecuritySignIn.INSTANCE.adviser(REQUEST)).isEmpty();
  }
}
