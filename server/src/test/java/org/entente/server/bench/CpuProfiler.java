package org.entente.server.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, for a machine that other processes load: the wall-clock score counts the
 * time a benchmark thread waits for a core, CPU time does not. Enable with {@code -prof
 * org.entente.server.bench.CpuProfiler}. Two secondary results, in microseconds per operation:
 *
 * <ul>
 *   <li>{@code cpu.worker}: the benchmark threads only (the code under test);
 *   <li>{@code cpu.process}: every thread of the benchmark JVM, so the garbage collector and the
 *       JIT compiler are included.
 * </ul>
 */
public final class CpuProfiler implements InternalProfiler {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private Map<Long, Long> workersBefore = Map.of();
  private long processBefore;

  @Override
  public String getDescription() {
    return "CPU time per operation: benchmark threads, and the whole JVM";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    workersBefore = workerCpu();
    processBefore = os.getProcessCpuTime();
  }

  @Override
  public List<? extends Result<?>> afterIteration(
      BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
    long process = os.getProcessCpuTime() - processBefore;
    long worker = 0;
    for (var e : workerCpu().entrySet()) {
      worker += e.getValue() - workersBefore.getOrDefault(e.getKey(), 0L);
    }
    double ops = Math.max(1, result.getMetadata().getMeasuredOps());
    return List.of(
        new ScalarResult("cpu.worker", worker / 1e3 / ops, "us/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.process", process / 1e3 / ops, "us/op", AggregationPolicy.AVG));
  }

  // CPU nanoseconds of every live JMH worker thread, by thread id.
  private Map<Long, Long> workerCpu() {
    Map<Long, Long> out = new HashMap<>();
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().contains("jmh-worker")) {
        long ns = threads.getThreadCpuTime(t.getThreadId());
        if (ns >= 0) {
          out.put(t.getThreadId(), ns);
        }
      }
    }
    return out;
  }
}
