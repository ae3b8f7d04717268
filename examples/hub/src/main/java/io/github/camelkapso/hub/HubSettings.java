package io.github.camelkapso.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The hub's settings, from system properties or environment variables (in that order), with defaults that run it on
 * the embedded Kapso simulator. Setting {@code KAPSO_API_KEY} switches to the real Kapso API; it then also needs
 * {@code KAPSO_PHONE_NUMBER_ID} and a public HTTPS URL ({@code KAPSO_PUBLIC_URL}) Kapso can deliver webhooks to.
 *
 * @param apiKey            the real Kapso API key, or null for the embedded simulator
 * @param baseUrl           Kapso's base URL (real mode)
 * @param phoneNumberId     the WhatsApp number to serve (real mode; the simulator's seeded number otherwise)
 * @param port              the hub's HTTP port (webhooks, Flows data endpoint); 0 picks a free one
 * @param publicUrl         the URL Kapso reaches the hub at; null = http://127.0.0.1:port (embedded only)
 * @param dataDir           where the H2 database and the Flows key pair live
 * @param trafficRate       simulated inbound messages per second (embedded)
 * @param autoReply         whether inbound texts get an automatic answer
 * @param summaryPeriodMs   how often the one-line summary is logged
 * @param durationSeconds   stop after this many seconds; 0 runs until stopped
 * @param simulatorTimeFactor scales the simulator's delays (embedded)
 */
public record HubSettings(String apiKey, String baseUrl, String phoneNumberId, int port, String publicUrl, Path dataDir,
                          double trafficRate, boolean autoReply, long summaryPeriodMs, long durationSeconds,
                          double simulatorTimeFactor) {

    public static HubSettings fromEnvironment() {
        return from(name -> {
            String v = System.getProperty(name);
            return v != null ? v : System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        });
    }

    /** Reads settings by name (hub.port, kapso.api-key, ...) from the given source. */
    public static HubSettings from(Function<String, String> source) {
        String apiKey = blankToNull(source.apply("kapso.api-key"));
        int port = Integer.parseInt(or(source.apply("hub.port"), "8080"));
        HubSettings s = new HubSettings(
                apiKey,
                or(source.apply("kapso.base-url"), "https://api.kapso.ai"),
                blankToNull(source.apply("kapso.phone-number-id")),
                port == 0 ? freePort() : port,
                blankToNull(or(source.apply("kapso.public-url"), source.apply("hub.public-url"))),
                Path.of(or(source.apply("hub.data-dir"), "data")).toAbsolutePath(),
                Double.parseDouble(or(source.apply("hub.traffic-rate"), "0.5")),
                Boolean.parseBoolean(or(source.apply("hub.auto-reply"), "true")),
                Long.parseLong(or(source.apply("hub.summary-period-ms"), "5000")),
                Long.parseLong(or(source.apply("hub.duration-seconds"), "0")),
                Double.parseDouble(or(source.apply("hub.simulator-time-factor"), "1.0")));
        s.validate();
        return s;
    }

    public static HubSettings from(Map<String, String> values) {
        return from(values::get);
    }

    public boolean embedded() {
        return apiKey == null;
    }

    /** The URL Kapso delivers webhooks to. */
    public String webhookUrl() {
        String base = publicUrl != null ? publicUrl : "http://127.0.0.1:" + port;
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + HubRoutes.WEBHOOK_PATH;
    }

    private void validate() {
        if (!embedded()) {
            if (phoneNumberId == null) {
                throw new IllegalArgumentException("KAPSO_PHONE_NUMBER_ID is required with KAPSO_API_KEY");
            }
            if (publicUrl == null || !publicUrl.startsWith("https://")) {
                throw new IllegalArgumentException("KAPSO_PUBLIC_URL must be the public https:// URL Kapso can reach the hub"
                                                   + " at (Kapso only delivers webhooks over HTTPS)");
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "HubSettings[" + (embedded() ? "embedded simulator" : "Kapso at " + baseUrl) + ", port=" + port
               + ", dataDir=" + dataDir + "]";
    }
}
