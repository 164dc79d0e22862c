package io.civickit.test;

/** Test support for CivicKit users (filled as each SPI gains its contract suite). */
public final class CivicKitTest {
  private CivicKitTest() {}
}
