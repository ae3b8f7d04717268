package io.github.camelkapso.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelkapso.simulator.support.PlatformRawHttp;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NotificationsModuleTest extends SimulatorTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void destinationsAndRoutes() {
        List<Map<String, Object>> types = (List<Map<String, Object>>) ok("listNotificationEventTypes", null, Map.of()).get("data");
        assertThat(types).extracting(t -> t.get("key")).containsExactly("findings.detected");

        Map<String, Object> destination = data(ok("createNotificationDestination", Map.of("kind", "shared_email",
                "address", "ops@example.org", "label", "Ops inbox"), Map.of()));
        String destinationId = (String) destination.get("id");
        assertThat(destination).containsEntry("status", "pending").containsEntry("channel", "email")
                .containsEntry("verified_at", null).containsEntry("user_id", null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                (List<Map<String, Object>>) ok("listNotificationDestinations", null, Map.of()).get("data"))
                .singleElement().satisfies(d -> assertThat(d).containsEntry("status", "active")));

        Map<String, Object> route = data(ok("upsertNotificationRoute", Map.of("destination_id", destinationId,
                "event_key", "findings.detected"), Map.of()));
        Map<String, Object> same = data(ok("upsertNotificationRoute", Map.of("destination_id", destinationId,
                "event_key", "findings.detected"), Map.of()));
        assertThat(same).containsEntry("id", route.get("id"));
        assertThat((List<?>) ok("listNotificationRoutes", null, Map.of()).get("data")).hasSize(1);

        ok("deleteNotificationDestination", null, Map.of("CamelKapsoDestinationId", destinationId));
        assertThat((List<?>) ok("listNotificationDestinations", null, Map.of()).get("data")).isEmpty();
        assertThat((List<?>) ok("listNotificationRoutes", null, Map.of()).get("data")).isEmpty();

        Map<String, Object> reused = data(ok("createNotificationDestination", Map.of("kind", "shared_email",
                "address", "OPS@example.org"), Map.of()));
        assertThat(reused).containsEntry("id", destinationId).containsEntry("status", "pending");
    }

    @Test
    void validationErrorsUseTheNotificationsShape() {
        PlatformRawHttp.Answer member = PlatformRawHttp.call(simulator, "POST", "/notifications/destinations",
                "{\"kind\":\"shared_email\",\"address\":\"owner@example.com\"}");
        assertThat(member.status()).isEqualTo(422);
        assertThat(member.json().path("errors").path("base").path(0).asText()).contains("belongs to a project member");

        PlatformRawHttp.Answer notEmail = PlatformRawHttp.call(simulator, "POST", "/notifications/destinations",
                "{\"kind\":\"shared_email\",\"address\":\"not-an-email\"}");
        assertThat(notEmail.status()).isEqualTo(422);
        assertThat(notEmail.json().path("errors").path("address").isArray()).isTrue();

        String id = PlatformRawHttp.call(simulator, "POST", "/notifications/destinations",
                "{\"kind\":\"shared_email\",\"address\":\"alerts@example.org\"}").json().path("data").path("id").asText();
        PlatformRawHttp.Answer taken = PlatformRawHttp.call(simulator, "POST", "/notifications/destinations",
                "{\"kind\":\"shared_email\",\"address\":\"alerts@example.org\"}");
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.json().path("errors").path("address").path(0).asText()).isEqualTo("has already been taken");

        PlatformRawHttp.Answer unknownEvent = PlatformRawHttp.call(simulator, "PUT", "/notifications/routes",
                "{\"destination_id\":\"" + id + "\",\"event_key\":\"findings.detectd\"}");
        assertThat(unknownEvent.status()).isEqualTo(400);
        assertThat(unknownEvent.json().path("error").asText()).isEqualTo("Unknown notification event: findings.detectd");
        PlatformRawHttp.Answer internal = PlatformRawHttp.call(simulator, "PUT", "/notifications/routes",
                "{\"destination_id\":\"" + id + "\",\"event_key\":\"notifications.test\"}");
        assertThat(internal.status()).isEqualTo(400);
        PlatformRawHttp.Answer unknownDestination = PlatformRawHttp.call(simulator, "PUT", "/notifications/routes",
                "{\"destination_id\":\"6f708192-0314-42d5-b6e7-f8091a2b3c4d\",\"event_key\":\"findings.detected\"}");
        assertThat(unknownDestination.status()).isEqualTo(404);
        assertThat(PlatformRawHttp.call(simulator, "DELETE", "/notifications/routes/6f708192-0314-42d5-b6e7-f8091a2b3c4d", null)
                .status()).isEqualTo(404);
    }
}
