package io.civickit.core.handoff;

/** Used context ids in one JVM: both "instances" share the one map. */
class InMemoryUsedContextIdsTest extends UsedContextIdsContract {
  private final UsedContextIds shared = UsedContextIds.inMemory();

  @Override
  UsedContextIds newInstanceStore() {
    return shared;
  }
}
