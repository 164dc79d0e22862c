package io.civickit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were measured on. */
record Machine(String cpu, int cores, String java, String os, long maxHeapMb) {

  static Machine describe() {
    String cpu = "unknown CPU";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: leave it unknown
    }
    String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vendor") + ")";
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    return new Machine(cpu, Runtime.getRuntime().availableProcessors(), java, os,
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  @Override
  public String toString() {
    return cpu + ", " + cores + " cores, " + java + ", " + os;
  }
}
