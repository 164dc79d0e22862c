package io.civickit.identity;

/** The limits with the in-memory store (one instance: both "instances" share the one map). */
class InMemoryIdentityLimitsTest extends IdentityLimitsContract {
  private final IdentityStore shared = IdentityStore.inMemory();

  @Override
  protected IdentityStore newInstanceStore() {
    return shared;
  }
}
