package io.github.camelkapso.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Starts a hub on the embedded simulator with fast delays, and reads its H2 tables. */
final class HubTestSupport {

    private HubTestSupport() {
    }

    static HubSettings settings(Path dataDir) {
        return HubSettings.from(Map.of(
                "hub.port", "0",
                "hub.data-dir", dataDir.toString(),
                "hub.traffic-rate", "0",
                "hub.summary-period-ms", "1000",
                "hub.simulator-time-factor", "0.01"));
    }

    static List<Map<String, Object>> rows(KapsoHub hub, String sql, Object... args) {
        return new JdbcTemplate(hub.dataSource()).queryForList(sql, args);
    }

    /** A customer's text arriving on the seeded number, through the simulator's admin API. */
    static void customerSays(KapsoHub hub, String from, String text) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub.simulator().baseUrl() + "/_sim/inbound/text"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + from + "\",\"name\":\"Test Customer\",\"text\":\"" + text + "\"}"))
                .build();
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new AssertionError("inbound injection failed: " + answer.statusCode() + " " + answer.body());
        }
    }
}
