package io.civickit.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent console, mounted at a path (by default {@code /agent}): the queue of people who asked
 * for help, each person's context and answers so far, accept, send a "continue online" link,
 * resolve, and the service performance page.
 *
 * <p>Advisers sign in either with the built-in password (and TOTP) pages over a list of
 * {@link StaffAccount}s, or through the council's SSO ({@link StaffSignIn}).
 *
 * @param path where it is mounted
 * @param accounts the built-in sign-in's accounts (empty with SSO)
 * @param sso the council's sign-on, if used instead
 * @param maxFailures wrong passwords in a row that lock an account
 * @param lockout how long an account stays locked
 * @param maxFailuresPerClient wrong sign-ins from one client address before it must wait
 * @param pageSize handoffs per queue page
 */
public record AgentConsole(String path, List<StaffAccount> accounts, Optional<StaffSignIn> sso, int maxFailures,
    Duration lockout, int maxFailuresPerClient, int pageSize) {

  /** Checks the values. */
  public AgentConsole {
    Objects.requireNonNull(path, "path");
    if (!path.matches("(/[a-z0-9-]+)+")) {
      throw new IllegalArgumentException("the agent console's path is like /agent, but was " + path);
    }
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(sso, "sso");
    if (sso.isEmpty() && accounts.isEmpty()) {
      throw new IllegalArgumentException("the agent console needs staff accounts or the council's sign-on");
    }
    if (maxFailures < 1 || maxFailuresPerClient < 1) {
      throw new IllegalArgumentException("failure limits must be at least 1, but were " + maxFailures + " and "
          + maxFailuresPerClient);
    }
    if (lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("lockout must be positive, but was " + lockout);
    }
    if (pageSize < 1 || pageSize > 500) {
      throw new IllegalArgumentException("pageSize must be 1 to 500, but was " + pageSize);
    }
  }

  /**
   * Starts a builder: {@code /agent}, 5 wrong passwords lock an account for 15 minutes, 20 wrong
   * sign-ins from one client address make it wait 15 minutes, 25 handoffs a page.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AgentConsole}. */
  public static final class Builder {
    private String path = "/agent";
    private final List<StaffAccount> accounts = new ArrayList<>();
    private StaffSignIn sso;
    private int maxFailures = 5;
    private Duration lockout = Duration.ofMinutes(15);
    private int perClient = 20;
    private int pageSize = 25;

    private Builder() {}

    /**
     * Where the console is mounted.
     *
     * @param value like {@code /agent}
     * @return this
     */
    public Builder path(String value) {
      path = value;
      return this;
    }

    /**
     * Adds an account for the built-in sign-in.
     *
     * @param account the account
     * @return this
     */
    public Builder account(StaffAccount account) {
      accounts.add(Objects.requireNonNull(account, "account"));
      return this;
    }

    /**
     * Adds accounts for the built-in sign-in.
     *
     * @param list the accounts
     * @return this
     */
    public Builder accounts(List<StaffAccount> list) {
      list.forEach(this::account);
      return this;
    }

    /**
     * Uses the council's sign-on instead of the built-in pages.
     *
     * @param value who is signed in
     * @return this
     */
    public Builder sso(StaffSignIn value) {
      sso = Objects.requireNonNull(value, "sso");
      return this;
    }

    /**
     * The lockout.
     *
     * @param failures wrong passwords in a row that lock an account
     * @param duration how long it stays locked
     * @return this
     */
    public Builder lockout(int failures, Duration duration) {
      maxFailures = failures;
      lockout = duration;
      return this;
    }

    /**
     * Wrong sign-ins from one client address before it must wait out the lockout period.
     *
     * @param value the limit
     * @return this
     */
    public Builder maxFailuresPerClient(int value) {
      perClient = value;
      return this;
    }

    /**
     * Handoffs per queue page.
     *
     * @param value 1 to 500
     * @return this
     */
    public Builder pageSize(int value) {
      pageSize = value;
      return this;
    }

    /**
     * The console.
     *
     * @return it
     * @throws IllegalArgumentException naming a bad value
     */
    public AgentConsole build() {
      return new AgentConsole(path, accounts, Optional.ofNullable(sso), maxFailures, lockout, perClient, pageSize);
    }
  }
}
