package io.github.camelkapso.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** A run's results file: where it goes, the fields it begins with, and writing it as indented JSON. */
final class ResultsFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsFile() {
    }

    /**
     * {@code bench.output}, else {@code benchmarks/results/<benchmark>.json} from the repository root (where the
     * documented command runs), {@code results/<benchmark>.json} from benchmarks/.
     */
    static Path output(String benchmark) {
        return Path.of(System.getProperty("bench.output", defaultOutput(benchmark)));
    }

    private static String defaultOutput(String benchmark) {
        return Files.isDirectory(Path.of("benchmarks")) && Files.exists(Path.of("benchmarks", "pom.xml"))
                ? "benchmarks/results/" + benchmark + ".json" : "results/" + benchmark + ".json";
    }

    /** The fields a results file begins with: benchmark, timestamp, valid, errors and, if any, errorSamples. */
    static Map<String, Object> header(String benchmark, boolean valid, ErrorLog errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", benchmark);
        out.put("timestamp", Instant.now().toString());
        out.put("valid", valid);
        out.put("errors", errors.count());
        if (errors.hasSamples()) {
            out.put("errorSamples", errors.samples());
        }
        return out;
    }

    /** Writes {@code report} to {@code output} as indented JSON, creating its directory if need be. */
    static void write(Path output, Map<String, Object> report) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        JSON.writeValue(output.toFile(), report);
    }
}
