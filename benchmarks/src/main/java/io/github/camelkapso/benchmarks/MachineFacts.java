package io.github.camelkapso.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import io.vertx.core.Vertx;

import static io.github.camelkapso.benchmarks.RoundStats.round3;

/**
 * The machine and JVM a run measured on: the {@code "machine"} block of a results file and the facts the run prints
 * when it starts. Made when the run starts, it takes the load average then. It records no filesystem path: the results
 * files are committed (see {@link JvmArguments}).
 */
final class MachineFacts {

    private final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String javaVersion() {
        return System.getProperty("java.version");
    }

    /** Such as {@code 2 cores, Java 17.0.15, load average 1.96}, for the line a run starts with. */
    String describe() {
        return String.format("%d cores, Java %s, load average %.2f", cores(), javaVersion(), loadAtStart);
    }

    /**
     * The {@code "machine"} block: cores, Java, OS, heap, the JVM arguments naming no path, the ForkJoin common pool's
     * parallelism, then {@code afterPool}, the load average at the start and now, the Camel and Vert.x versions, then
     * {@code moreVersions}.
     *
     * @param camelVersion null when no CamelContext ran
     */
    Map<String, Object> json(String camelVersion, Map<String, ?> afterPool, Map<String, ?> moreVersions) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", cores());
        machine.put("javaVersion", javaVersion());
        machine.put("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        // no argument naming a filesystem path: the file is committed (see JvmArguments)
        machine.put("jvmArgs", JvmArguments.withoutPaths());
        machine.put("jvmArgsOmitted", JvmArguments.omitted());
        machine.put("forkJoinCommonPoolParallelism", ForkJoinPool.getCommonPoolParallelism());
        machine.putAll(afterPool);
        machine.put("loadAverageAtStart", round3(loadAtStart));
        machine.put("loadAverageAtEnd", round3(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        machine.put("camelVersion", camelVersion);
        machine.put("vertxVersion", vertxVersion());
        machine.putAll(moreVersions);
        return machine;
    }

    static String vertxVersion() {
        try (InputStream in = Vertx.class.getClassLoader().getResourceAsStream("META-INF/vertx/vertx-version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
