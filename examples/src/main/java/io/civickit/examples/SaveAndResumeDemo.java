package io.civickit.examples;

/** Placeholder replaced by the save-and-resume demo. */
public final class SaveAndResumeDemo {
  public static void main(String[] args) {
    System.out.println("CivicKit");
  }
}
