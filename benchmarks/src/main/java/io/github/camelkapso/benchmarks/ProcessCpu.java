package io.github.camelkapso.benchmarks;

import java.lang.management.ManagementFactory;

/** The CPU time of the whole process (every thread: client, server, Camel, GC), for the CPU per request of a round. */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Process CPU time in nanoseconds, -1 where the JVM does not tell. */
    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
