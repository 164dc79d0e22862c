package io.civickit.identity.onelogin;

import io.civickit.identity.AuthenticationLevel;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What to ask GOV.UK One Login for.
 *
 * @param authentication the credential level ({@code Cl} or {@code Cl.Cm})
 * @param identity whether to prove identity at medium confidence ({@code P2}); needs {@code Cl.Cm}
 * @param userInfoClaims the {@code claims} to request at userinfo, for example {@link OneLogin#CORE_IDENTITY_CLAIM}
 * @param scopes the scopes; {@code openid} is always included
 * @param language {@code en} or {@code cy}, sent as {@code ui_locales}
 */
public record LoginRequest(AuthenticationLevel authentication, boolean identity, Set<String> userInfoClaims,
    Set<String> scopes, Locale language) {
  /**
   * Checks the request and takes unmodifiable copies of the sets, adding {@code openid} to the
   * scopes if it is missing.
   *
   * @throws NullPointerException if any component is null, or a set holds null
   * @throws IllegalArgumentException if identity is asked for below {@code Cl.Cm}, or the language
   *     is neither English nor Welsh
   */
  public LoginRequest {
    Objects.requireNonNull(authentication, "authentication");
    userInfoClaims = Set.copyOf(new LinkedHashSet<>(userInfoClaims));
    Set<String> s = new LinkedHashSet<>();
    s.add("openid");
    s.addAll(scopes);
    scopes = java.util.Collections.unmodifiableSet(s);
    Objects.requireNonNull(language, "language");
    if (identity && authentication != AuthenticationLevel.MEDIUM) {
      throw new IllegalArgumentException("identity (P2) needs the medium authentication level Cl.Cm, but was "
          + authentication.vectorOfTrust());
    }
    String lang = language.getLanguage();
    if (!lang.equals("en") && !lang.equals("cy")) {
      throw new IllegalArgumentException("One Login speaks en and cy only, but the language was " + language);
    }
  }

  /** Sign-in only, at {@code Cl.Cm}, with the email scope, in English. */
  public static LoginRequest signInOnly() {
    return new LoginRequest(AuthenticationLevel.MEDIUM, false, Set.of(), Set.of("email"), Locale.ENGLISH);
  }

  /** Sign-in and identity ({@code Cl.Cm.P2}) with the core identity and address claims, in English. */
  public static LoginRequest identityWithAddress() {
    return new LoginRequest(AuthenticationLevel.MEDIUM, true, Set.of(OneLogin.CORE_IDENTITY_CLAIM, OneLogin.ADDRESS_CLAIM),
        Set.of("email"), Locale.ENGLISH);
  }

  /** A copy in another language ({@code cy} for Welsh). */
  public LoginRequest in(Locale value) {
    return new LoginRequest(authentication, identity, userInfoClaims, scopes, value);
  }

  /** The {@code vtr} value: for example {@code ["Cl.Cm.P2"]}. */
  public String vtr() {
    return "[\"" + authentication.vectorOfTrust() + (identity ? ".P2" : "") + "\"]";
  }
}
