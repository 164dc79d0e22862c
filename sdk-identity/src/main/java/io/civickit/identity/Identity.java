package io.civickit.identity;

/** Entry point for identity checks (filled by the identity work). */
public final class Identity {
  private Identity() {}
}
