/** JMH benchmarks, each side by side with the library a council would use instead. *
 * <p><b>Start here:</b> run {@code java -jar benchmarks/target/benchmarks.jar --help}, or read {@link io.civickit.benchmarks.Main}; {@code docs/benchmarks.md} says what each benchmark compares.
 */
package io.civickit.benchmarks;
