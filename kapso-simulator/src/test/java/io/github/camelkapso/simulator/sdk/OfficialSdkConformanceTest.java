package io.github.camelkapso.simulator.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.simulator.KapsoSimulator;
import io.github.camelkapso.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the official Kapso TypeScript SDK ({@code @kapso/whatsapp-cloud-api}, pinned in src/test/sdk/package.json and
 * its lockfile, unmodified) against a simulator: the SDK pointed at {@code <base>/meta/whatsapp} with the project
 * API key, as Kapso's proxy is used. src/test/sdk/conformance.mjs performs the checks and prints one JSON line per
 * check; this test installs the SDK with {@code npm ci} in target/sdk, runs the script and asserts every check passed.
 * It is skipped only when node or npm is missing or npm cannot reach the registry; anything else fails it.
 */
class OfficialSdkConformanceTest {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> PROJECT_FILES = List.of("package.json", "package-lock.json", "conformance.mjs");
    private static final List<String> CHECKS = List.of("send text", "send image", "send template", "send interactive buttons",
            "mark read", "list messages with Kapso fields", "list conversations", "list contacts", "list templates",
            "upload media", "get phone number");
    /** What npm prints when it cannot reach the registry (DNS, refused or reset connections, timeouts, proxies). */
    private static final Pattern NETWORK_ERROR = Pattern.compile(
            "ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ESOCKETTIMEDOUT|ERR_SOCKET_TIMEOUT"
            + "|network request to .* failed|request to .* failed, reason|This is a problem related to network connectivity"
            + "|getaddrinfo|socket hang up|timed out");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static KapsoSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = KapsoSimulator.start(SimulatorConfig.defaults().withTimeFactor(0.01));
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void theOfficialSdkWorksAgainstTheSimulator() throws Exception {
        assumeTrue(runs("node", "--version"), "node is not installed: the official SDK conformance test needs Node.js 20.19+");
        assumeTrue(runs("npm", "--version"), "npm is not installed: the official SDK conformance test needs npm");

        Path work = prepareProject();
        // one try, no retries: npm's default retries take over a minute to give up on an unreachable registry
        Result ping = run(work, PROBE_TIMEOUT, Map.of(), "npm", "ping", "--fetch-retries=0", "--fetch-timeout=15000");
        boolean unreachable = ping.timedOut() || !ping.succeeded() && NETWORK_ERROR.matcher(ping.output()).find();
        if (unreachable) {
            System.err.println("OfficialSdkConformanceTest skipped: npm cannot reach the registry (" + networkReason(ping) + ")");
        }
        assumeTrue(!unreachable, () -> "npm cannot reach the registry, so the official SDK cannot be installed ("
                                       + networkReason(ping) + ")");
        Result install = run(work, INSTALL_TIMEOUT, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
        if (!install.succeeded()) {
            fail("npm ci failed (" + install.describe() + "):\n" + install.output());
        }

        SimulatorConfig config = simulator.config();
        Result conformance = run(work, RUN_TIMEOUT, Map.of(
                "KAPSO_SIM_BASE_URL", simulator.baseUrl(),
                "KAPSO_SIM_API_KEY", config.apiKey(),
                "KAPSO_SIM_PHONE_NUMBER_ID", config.phoneNumberId(),
                "KAPSO_SIM_BUSINESS_ACCOUNT_ID", config.businessAccountId()), "node", "conformance.mjs");
        System.out.println(conformance.output());

        List<JsonNode> checks = new ArrayList<>();
        for (String line : conformance.output().split("\\R")) {
            if (line.startsWith("{")) {
                checks.add(MAPPER.readTree(line));
            }
        }
        List<String> failures = checks.stream().filter(c -> !c.path("ok").asBoolean())
                .map(c -> c.path("name").asText() + ": " + c.path("detail").asText()).toList();
        assertThat(failures).as("SDK checks that failed against the simulator").isEmpty();
        assertThat(checks).extracting(c -> c.path("name").asText()).as("checks the SDK ran; its output:%n%s", conformance.output())
                .containsExactlyElementsOf(CHECKS);
        assertThat(conformance.output()).as("summary line").contains(CHECKS.size() + " passed, 0 failed");
        assertThat(conformance.succeeded()).as("conformance.mjs ended with " + conformance.describe()).isTrue();
    }

    /** The line of npm's output that tells why the registry could not be reached. */
    private static String networkReason(Result ping) {
        if (ping.timedOut()) {
            return "npm ping timed out after " + PROBE_TIMEOUT.toSeconds() + " s";
        }
        return ping.output().lines().filter(l -> NETWORK_ERROR.matcher(l).find()).findFirst()
                .map(l -> l.replaceFirst("^npm (error|ERR!) ", "").strip()).orElse("npm ping " + ping.describe());
    }

    /** Copies the Node project to target/sdk, so npm leaves the source tree untouched. */
    private static Path prepareProject() throws Exception {
        Path module = Path.of(OfficialSdkConformanceTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().getParent();
        Path source = module.resolve("src/test/sdk");
        Path work = module.resolve("target/sdk");
        Files.createDirectories(work);
        for (String file : PROJECT_FILES) {
            Files.copy(source.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        return work;
    }

    private static boolean runs(String... command) {
        try {
            return run(Path.of("."), PROBE_TIMEOUT, Map.of(), command).succeeded();
        } catch (IOException e) {
            return false;
        }
    }

    /** A finished (or timed out) process: its exit code and its output, stdout and stderr interleaved. */
    private record Result(int exitCode, boolean timedOut, String output) {
        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        String describe() {
            return timedOut ? "timed out" : "exit code " + exitCode;
        }
    }

    private static Result run(Path dir, Duration timeout, Map<String, String> env, String... command) throws IOException {
        Path log = Files.createTempFile("kapso-sdk-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull()));
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Result(finished ? process.exitValue() : -1, !finished, Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static java.io.File devNull() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
