package io.github.camelkapso.simulator.ops.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.Crud;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.ops.QueryFilters;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Project events and their definitions ({@code /events}, {@code /event-definitions}). Rules:
 * <ul>
 * <li>event names are lowercase dot-separated segments ({@code ^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$}, at most 128
 * characters), also when filtering the list (422);</li>
 * <li>emitting (201) stores {@code {id, name, occurred_at, conversation_id, properties}}; occurred_at defaults to now
 * and must be ISO-8601 with a zone; conversation_id must name one of the project's conversations (422); an unknown
 * name creates a minimal definition; the definition's last_seen_at follows the latest occurrence; each event is
 * delivered as the project webhook event {@code project.event} with the event record as payload;</li>
 * <li>events list newest first by occurred_at, filtered by name, conversation_id, occurred_after/before,
 * cursor-paginated (limit 1-100, default 20);</li>
 * <li>creating a definition whose name exists updates its metadata, restores it if archived and answers 200;
 * a new one answers 201; definitions list unpaginated in creation order, archived ones only with
 * include_archived=true;</li>
 * <li>update changes description, property_schema and {@code archived} (sets/clears archived_at); the name cannot
 * change once events were recorded, nor take another definition's name (422);</li>
 * <li>delete answers 202 and removes the definition at once from reads; a background job
 * ({@value #DELETE_JOB_MS} ms Kapso time, scaled) then deletes its events; until it finished, events and
 * definitions with that name are rejected (422).</li>
 * </ul>
 */
public final class ProjectEventsModule implements SimulatorModule {

    static final long DELETE_JOB_MS = 5_000;

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$");
    private static final List<String> DEFINITION_FIELDS = List.of("id", "name", "description", "property_schema",
            "last_seen_at", "created_at", "updated_at", "archived_at");
    private static final List<String> EVENT_FIELDS = List.of("id", "name", "occurred_at", "conversation_id", "properties");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store definitions = ctx.state().store(PlatformStores.EVENT_DEFINITIONS);
        Store events = ctx.state().store(PlatformStores.PROJECT_EVENTS);
        Store conversations = ctx.state().store(Stores.CONVERSATIONS);

        handlers.on("listEventDefinitions", r -> {
            boolean archived = Boolean.parseBoolean(r.query("include_archived"));
            return Paging.all(Views.map(definitions.oldestFirst(d -> !d.path("deleting").asBoolean()
                                                                      && (archived || d.path("archived_at").isNull())),
                    d -> Views.only(d, DEFINITION_FIELDS)));
        });
        handlers.on("createEventDefinition", r -> {
            ObjectNode a = r.attributes();
            String name = a.path("name").asText();
            Optional<ObjectNode> existing = byName(definitions, name);
            if (existing.isPresent() && existing.get().path("deleting").asBoolean()) {
                throw deleting(r, name);
            }
            if (existing.isPresent()) {
                ObjectNode d = existing.get();
                copyMetadata(a, d);
                d.putNull("archived_at");
                d.put("updated_at", ctx.clock().iso());
                return SimResponse.data(200, Views.only(d, DEFINITION_FIELDS));
            }
            ObjectNode d = newDefinition(ctx, name);
            copyMetadata(a, d);
            definitions.put(d);
            return SimResponse.data(201, Views.only(d, DEFINITION_FIELDS));
        });
        handlers.on("getEventDefinition", r -> SimResponse.data(200, Views.only(requireDefinition(definitions, r), DEFINITION_FIELDS)));
        handlers.on("updateEventDefinition", r -> {
            ObjectNode d = requireDefinition(definitions, r);
            ObjectNode a = r.attributes();
            if (a.hasNonNull("name") && !a.get("name").asText().equals(d.path("name").asText())) {
                String current = d.path("name").asText();
                String wanted = a.get("name").asText();
                if (events.find(e -> current.equals(e.path("name").asText())).isPresent()) {
                    throw ApiError.invalid(r.operation(), "name", "cannot be changed after events have been recorded for " + current);
                }
                if (byName(definitions, wanted).isPresent()) {
                    throw ApiError.invalid(r.operation(), "name", "has already been taken by another event definition");
                }
                d.put("name", wanted);
            }
            copyMetadata(a, d);
            if (a.has("archived")) {
                if (a.get("archived").asBoolean()) {
                    if (d.path("archived_at").isNull()) {
                        d.put("archived_at", ctx.clock().iso());
                    }
                } else {
                    d.putNull("archived_at");
                }
            }
            d.put("updated_at", ctx.clock().iso());
            return SimResponse.data(200, Views.only(d, DEFINITION_FIELDS));
        });
        handlers.on("deleteEventDefinition", r -> {
            ObjectNode d = requireDefinition(definitions, r);
            d.put("deleting", true);
            String id = d.path("id").asText();
            String name = d.path("name").asText();
            ctx.later(DELETE_JOB_MS, () -> {
                definitions.remove(id);
                events.oldestFirst(e -> name.equals(e.path("name").asText())).forEach(e -> events.remove(e.id()));
            });
            return SimResponse.json(202, null);
        });

        handlers.on("listEvents", r -> {
            String name = r.query("name");
            if (name != null && !name.isEmpty() && (name.length() > 128 || !NAME.matcher(name).matches())) {
                throw ApiError.invalid(r.operation(), "name", "must match " + NAME.pattern());
            }
            return Paging.cursor(r, Views.map(events.newestFirst(QueryFilters.of(r, "occurred_at"), "occurred_at"),
                    e -> Views.only(e, EVENT_FIELDS)), "occurred_at", false, 20, 100);
        });
        handlers.on("emitEvent", r -> {
            ObjectNode a = r.attributes();
            String name = a.path("name").asText();
            Instant occurred = ctx.clock().now();
            if (a.hasNonNull("occurred_at")) {
                occurred = Times.parse(a.get("occurred_at").asText());
                if (occurred == null) {
                    throw ApiError.invalid(r.operation(), "occurred_at", "must be an ISO-8601 time with a zone");
                }
            }
            String conversationId = a.hasNonNull("conversation_id") ? a.get("conversation_id").asText() : null;
            if (conversationId != null && !conversations.contains(conversationId)) {
                throw ApiError.invalid(r.operation(), "conversation_id", "does not name a conversation of this project");
            }
            Optional<ObjectNode> definition = byName(definitions, name);
            if (definition.isPresent() && definition.get().path("deleting").asBoolean()) {
                throw deleting(r, name);
            }
            ObjectNode d = definition.orElseGet(() -> definitions.put(newDefinition(ctx, name)));
            String lastSeen = d.path("last_seen_at").asText(null);
            if (lastSeen == null || Times.parse(lastSeen) == null || Times.parse(lastSeen).isBefore(occurred)) {
                d.put("last_seen_at", occurred.toString());
            }
            ObjectNode event = SimState.object();
            event.put("id", Ids.uuid());
            event.put("name", name);
            event.put("occurred_at", occurred.toString());
            event.put("conversation_id", conversationId);
            event.set("properties", a.has("properties") ? a.get("properties").deepCopy() : SimState.object());
            event.put("created_at", ctx.clock().iso());
            events.put(event);
            ObjectNode view = Views.only(event, EVENT_FIELDS);
            ctx.events().emit("project.event", null, conversationId, view.deepCopy());
            return SimResponse.data(201, view);
        });
    }

    private static Optional<ObjectNode> byName(Store definitions, String name) {
        return definitions.find(d -> name.equals(d.path("name").asText()));
    }

    private static ObjectNode requireDefinition(Store definitions, SimRequest r) {
        ObjectNode d = Crud.require(definitions, r, "id", "Event definition");
        if (d.path("deleting").asBoolean()) {
            throw ApiError.notFound(r.operation(), "Event definition " + r.path("id"));
        }
        return d;
    }

    private static ApiError deleting(SimRequest r, String name) {
        return ApiError.invalid(r.operation(), "name", "is being deleted: events named " + name
                                                        + " are rejected until the deletion finished");
    }

    private static ObjectNode newDefinition(SimContext ctx, String name) {
        ObjectNode d = SimState.object();
        d.put("name", name);
        d.putNull("description");
        d.putObject("property_schema");
        d.putNull("last_seen_at");
        d.putNull("archived_at");
        return Crud.newRecord(ctx, Ids.uuid(), d);
    }

    private static void copyMetadata(ObjectNode from, ObjectNode d) {
        if (from.has("description")) {
            d.set("description", from.get("description").deepCopy());
        }
        if (from.hasNonNull("property_schema")) {
            d.set("property_schema", from.get("property_schema").deepCopy());
        }
    }
}
