/** JMH benchmarks, each side by side with the library a council would use instead. */
package io.civickit.benchmarks;
