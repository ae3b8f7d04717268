package io.github.camelkapso.hub;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.camelkapso.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A hub started, fed an event and stopped writes none of its secrets (API key, Flows private key) to its log. */
class HubLogSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void theLogOfAStartedHubHoldsNoneOfItsSecrets() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        System.setErr(new PrintStream(tee(log, originalErr), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(tee(log, originalOut), true, StandardCharsets.UTF_8));
        KapsoHub hub = new KapsoHub(HubTestSupport.settings(dataDir));
        try {
            hub.start();
            HubTestSupport.customerSays(hub, "15550001111", "hello from the log test");
            await().atMost(Duration.ofSeconds(20)).until(() -> !HubTestSupport.rows(hub,
                    "SELECT event_type FROM kapso_events").isEmpty());
        } finally {
            hub.stop();
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).as("the hub logged something").contains("kapso:webhook serving");
        assertThat(text).doesNotContain(SimulatorConfig.DEFAULT_API_KEY);
        List<String> keyLines = Files.readAllLines(FlowsKeyPair.ensure(dataDir)).stream()
                .filter(line -> !line.startsWith("-----") && line.length() > 16).toList();
        assertThat(keyLines).isNotEmpty();
        for (String line : keyLines) {
            assertThat(text).doesNotContain(line);
        }
    }

    private static OutputStream tee(ByteArrayOutputStream copy, PrintStream original) {
        return new OutputStream() {
            @Override
            public synchronized void write(int b) {
                copy.write(b);
                original.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                copy.write(b, off, len);
                original.write(b, off, len);
            }
        };
    }
}
