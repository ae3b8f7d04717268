package io.github.camelkapso.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVM arguments a results file may record. Results files are committed, so they must not carry the machine's
 * filesystem paths: an argument naming one ({@code -Dmaven.home=/usr/share/maven}, {@code -javaagent:...},
 * {@code -XX:StartFlightRecording=filename=/tmp/x.jfr}, ...) is left out, and only their number is recorded.
 */
final class JvmArguments {

    private JvmArguments() {
    }

    /** The JVM's input arguments, without those that contain a path. */
    static List<String> withoutPaths() {
        return all().stream().filter(a -> !namesPath(a)).toList();
    }

    /** How many input arguments {@link #withoutPaths()} leaves out. */
    static int omitted() {
        return (int) all().stream().filter(JvmArguments::namesPath).count();
    }

    /** Any separator of a Unix or Windows path (absolute or relative): better to drop too much than a path. */
    static boolean namesPath(String argument) {
        return argument.indexOf('/') >= 0 || argument.indexOf('\\') >= 0;
    }

    private static List<String> all() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }
}
