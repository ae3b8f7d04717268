package io.github.camelkapso.simulator.ops.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.Crud;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * Team notifications ({@code /notifications/...}): the routable event types, shared destinations and routes.
 * Rules:
 * <ul>
 * <li>event types are the documented catalog ({@code findings.detected}); internal events (the test notification,
 * {@value #INTERNAL_TEST_EVENT}) are not listed and cannot be routed;</li>
 * <li>a destination is a {@code shared_email} (the Platform API cannot add Slack channels: 400 "Add Slack channels
 * through the dashboard."); the address must be an email address and not a project member's
 * (422 {@code {"errors": {"address"|"base": [...]}}}); an address already in use is 422; an address whose destination
 * was removed reuses it and returns it to pending;</li>
 * <li>a destination starts {@code pending}; the simulated recipient opens the verification link
 * {@value #VERIFIED_AFTER_MS} ms (Kapso time, scaled) later, making it {@code active} with verified_at;</li>
 * <li>removing a destination (204) hides it from the list and deletes its routes; unknown ids are 404;</li>
 * <li>routes list oldest first; PUT upserts by (destination_id, event_key): the same pair answers the existing route;
 * unknown and internal event keys are 400; an unknown destination is 404; an event that cannot be delivered on the
 * destination's channel is 422 {@code {"errors": {"event_key": [...]}}}; deleting a route is 204, unknown ids 404.</li>
 * </ul>
 * Request bodies breaking the published schema (missing kind or address, a kind other than shared_email) are
 * answered by the server's schema check before these handlers run, in the Platform {@code {"error"}} shape.
 */
public final class NotificationsModule implements SimulatorModule {

    static final String INTERNAL_TEST_EVENT = "notifications.test";
    static final long VERIFIED_AFTER_MS = 30_000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final List<String> DESTINATION_FIELDS = List.of("id", "kind", "label", "status", "channel", "address",
            "verified_at", "slack_channel_binding_id", "workspace_name", "user_id", "created_at", "updated_at");
    private static final List<String> ROUTE_FIELDS = List.of("id", "destination_id", "event_key", "created_at", "updated_at");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store destinations = ctx.state().store(PlatformStores.NOTIFICATION_DESTINATIONS);
        Store routes = ctx.state().store(PlatformStores.NOTIFICATION_ROUTES);

        handlers.on("listNotificationEventTypes", r -> {
            ObjectNode body = SimState.object();
            body.set("data", eventTypes());
            return SimResponse.json(200, body);
        });
        handlers.on("listNotificationDestinations", r -> Paging.all(Views.map(
                destinations.oldestFirst(d -> !d.path("removed").asBoolean()), d -> Views.only(d, DESTINATION_FIELDS))));
        handlers.onInvalidBody("createNotificationDestination", NotificationsModule::invalidBody);
        handlers.onInvalidBody("upsertNotificationRoute", NotificationsModule::invalidBody);
        handlers.on("createNotificationDestination", r -> {
            ObjectNode a = r.attributes();
            if ("slack_channel".equals(a.path("kind").asText())) {
                throw ApiError.platform(400, "Add Slack channels through the dashboard.");
            }
            String address = a.path("address").asText("").trim();
            if (!EMAIL.matcher(address).matches()) {
                throw fieldError("address", "is not a valid email address");
            }
            if (ProjectUsersModule.isMemberEmail(ctx, address)) {
                throw fieldError("base", "This email belongs to a project member. Use a shared inbox for team alerts.");
            }
            String wanted = address.toLowerCase(Locale.ROOT);
            Optional<ObjectNode> existing = destinations.find(d -> wanted.equals(d.path("address").asText().toLowerCase(Locale.ROOT)));
            ObjectNode destination;
            if (existing.isPresent() && !existing.get().path("removed").asBoolean()) {
                throw fieldError("address", "has already been taken");
            } else if (existing.isPresent()) {
                destination = existing.get();
                destination.put("removed", false);
                destination.put("status", "pending");
                destination.putNull("verified_at");
                if (a.has("label")) {
                    destination.set("label", a.get("label").deepCopy());
                }
                destination.put("updated_at", ctx.clock().iso());
            } else {
                ObjectNode attrs = SimState.object();
                attrs.put("kind", "shared_email");
                attrs.set("label", a.hasNonNull("label") ? a.get("label").deepCopy() : null);
                attrs.put("status", "pending");
                attrs.put("channel", "email");
                attrs.put("address", address);
                attrs.putNull("verified_at");
                attrs.putNull("slack_channel_binding_id");
                attrs.putNull("workspace_name");
                attrs.putNull("user_id");
                destination = destinations.put(Crud.newRecord(ctx, Ids.uuid(), attrs));
            }
            String id = destination.path("id").asText();
            String since = destination.path("updated_at").asText();
            ctx.later(VERIFIED_AFTER_MS, () -> destinations.get(id)
                    .filter(d -> "pending".equals(d.path("status").asText()) && since.equals(d.path("updated_at").asText()))
                    .ifPresent(d -> {
                        String now = ctx.clock().iso();
                        d.put("status", "active");
                        d.put("verified_at", now);
                        d.put("updated_at", now);
                    }));
            return SimResponse.data(201, Views.only(destination, DESTINATION_FIELDS));
        });
        handlers.on("deleteNotificationDestination", r -> {
            String id = r.path("destination_id");
            ObjectNode destination = destinations.get(id).filter(d -> !d.path("removed").asBoolean())
                    .orElseThrow(() -> ApiError.platform(404, "Destination not found in this project"));
            destination.put("removed", true);
            destination.put("updated_at", ctx.clock().iso());
            routes.oldestFirst(route -> id.equals(route.path("destination_id").asText())).forEach(e -> routes.remove(e.id()));
            return SimResponse.noContent();
        });

        handlers.on("listNotificationRoutes", r -> Paging.all(Views.map(routes.oldestFirst(route -> true),
                route -> Views.only(route, ROUTE_FIELDS))));
        handlers.on("upsertNotificationRoute", r -> {
            ObjectNode a = r.attributes();
            String destinationId = a.path("destination_id").asText();
            String key = a.path("event_key").asText();
            if (key.equals(INTERNAL_TEST_EVENT)) {
                throw ApiError.platform(400, "This notification event is not available through the Platform API.");
            }
            ObjectNode type = eventType(key).orElseThrow(() -> ApiError.platform(400, "Unknown notification event: " + key));
            ObjectNode destination = destinations.get(destinationId).filter(d -> !d.path("removed").asBoolean())
                    .orElseThrow(() -> ApiError.platform(404, "Destination not found in this project"));
            String channel = destination.path("channel").asText();
            boolean deliverable = false;
            for (com.fasterxml.jackson.databind.JsonNode c : type.path("supported_channels")) {
                deliverable |= c.asText().equals(channel);
            }
            if (!deliverable) {
                throw fieldError("event_key", "cannot be delivered to " + channel + " destinations");
            }
            ObjectNode route = routes.find(x -> destinationId.equals(x.path("destination_id").asText())
                                                && key.equals(x.path("event_key").asText()))
                    .orElseGet(() -> {
                        ObjectNode attrs = SimState.object();
                        attrs.put("destination_id", destinationId);
                        attrs.put("event_key", key);
                        return routes.put(Crud.newRecord(ctx, Ids.uuid(), attrs));
                    });
            return SimResponse.data(200, Views.only(route, ROUTE_FIELDS));
        });
        handlers.on("deleteNotificationRoute", r -> {
            String id = r.path("id");
            routes.remove(id).orElseThrow(() -> ApiError.platform(404, "Route not found in this project"));
            return SimResponse.noContent();
        });
    }

    /** The documented, routable notification events. */
    static ArrayNode eventTypes() {
        ArrayNode types = SimState.object().arrayNode();
        ObjectNode findings = types.addObject();
        findings.put("key", "findings.detected");
        findings.put("name", "New finding detected");
        findings.put("description", "When Kapso detects a new finding, not each refresh of its evidence.");
        findings.put("category", "findings");
        findings.put("severity", "warning");
        findings.putArray("supported_channels").add("email").add("slack");
        ObjectNode contract = findings.putObject("data_contract");
        contract.putArray("required");
        contract.putArray("optional").add("title").add("message").add("resource_name").add("details").add("occurred_at");
        findings.put("surface_path_template", "/projects/%<project_id>s/findings");
        return types;
    }

    private static Optional<ObjectNode> eventType(String key) {
        for (com.fasterxml.jackson.databind.JsonNode t : eventTypes()) {
            if (key.equals(t.path("key").asText())) {
                return Optional.of((ObjectNode) t);
            }
        }
        return Optional.empty();
    }

    /** Schema violations in the notifications shape; a Slack destination is refused as the dashboard's job. */
    private static ApiError invalidBody(io.github.camelkapso.simulator.http.SimRequest request,
                                        io.github.camelkapso.simulator.validation.SchemaValidator.Violation violation) {
        if ("slack_channel".equals(request.json().path("kind").asText())) {
            return ApiError.platform(400, "Add Slack channels through the dashboard.");
        }
        String field = violation.field();
        return fieldError(field.isEmpty() ? "base" : field.substring(field.lastIndexOf('.') + 1), violation.rule());
    }

    /** The notifications 422 shape: {@code {"errors": {"field": ["message"]}}}. */
    static ApiError fieldError(String field, String message) {
        ObjectNode body = SimState.object();
        body.putObject("errors").putArray(field).add(message);
        return ApiError.raw(422, body);
    }
}
