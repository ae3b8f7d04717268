package io.github.camelkapso.consumer.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;

/**
 * Kapso's webhook CRUD, enough for registration tests: list (page-paginated, two per page so paging is exercised),
 * create, update, delete, for number-scoped and project-scoped webhooks. Plug it into a KapsoStubServer.
 */
final class FakeKapsoWebhooks implements Function<RecordedRequest, StubResponse> {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("/platform/v1/whatsapp/phone_numbers/([^/]+)/webhooks(?:/([^/]+))?");
    private static final Pattern PROJECT = Pattern.compile("/platform/v1/whatsapp/webhooks(?:/([^/]+))?");
    private static final int PER_PAGE = 2;

    final List<ObjectNode> webhooks = new CopyOnWriteArrayList<>();
    /** When set, create and update answer this error. */
    volatile StubResponse failWith;

    ObjectNode add(String url, String phoneNumberId, String kind) {
        ObjectNode webhook = MAPPER.createObjectNode();
        webhook.put("id", UUID.randomUUID().toString());
        webhook.put("url", url);
        webhook.put("kind", kind);
        webhook.put("phone_number_id", phoneNumberId);
        webhook.put("secret_key", "old-secret");
        webhook.putArray("events").add("whatsapp.message.received");
        webhooks.add(webhook);
        return webhook;
    }

    ObjectNode only() {
        if (webhooks.size() != 1) {
            throw new AssertionError("Expected one webhook, have " + webhooks);
        }
        return webhooks.get(0);
    }

    @Override
    public StubResponse apply(RecordedRequest request) {
        Matcher number = NUMBER.matcher(request.rawPath());
        Matcher project = PROJECT.matcher(request.rawPath());
        if (number.matches()) {
            return handle(request, number.group(1), number.group(2), false);
        }
        if (project.matches()) {
            return handle(request, null, project.group(1), true);
        }
        return StubResponse.json(404, "{\"error\":\"Not found\"}");
    }

    private StubResponse handle(RecordedRequest request, String phoneNumberId, String id, boolean projectPath) {
        switch (request.method()) {
            case "GET":
                return list(request, phoneNumberId, projectPath);
            case "POST":
                return create(request, phoneNumberId);
            case "PATCH":
                return update(request, id);
            case "DELETE":
                return webhooks.removeIf(w -> w.path("id").asText().equals(id)) ? StubResponse.empty(204)
                        : StubResponse.json(404, "{\"error\":\"Webhook not found\"}");
            default:
                return StubResponse.json(405, "{\"error\":\"Method not allowed\"}");
        }
    }

    private StubResponse list(RecordedRequest request, String phoneNumberId, boolean projectPath) {
        List<ObjectNode> visible = new ArrayList<>();
        for (ObjectNode webhook : webhooks) {
            if (projectPath || phoneNumberId.equals(webhook.path("phone_number_id").asText(null))) {
                visible.add(webhook);
            }
        }
        int page = Integer.parseInt(request.query().getOrDefault("page", "1"));
        int totalPages = Math.max(1, (visible.size() + PER_PAGE - 1) / PER_PAGE);
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode data = answer.putArray("data");
        visible.stream().skip((long) (page - 1) * PER_PAGE).limit(PER_PAGE).forEach(data::add);
        answer.putObject("meta").put("page", page).put("per_page", PER_PAGE).put("total_pages", totalPages)
                .put("total_count", visible.size());
        return StubResponse.json(200, answer.toString());
    }

    private StubResponse create(RecordedRequest request, String phoneNumberId) {
        if (failWith != null) {
            return failWith;
        }
        JsonNode fields = request.json().path("whatsapp_webhook");
        if (fields.path("secret_key").asText("").isEmpty()) {
            return StubResponse.json(422, "{\"error\":\"Secret key can't be blank\"}");
        }
        ObjectNode webhook = ((ObjectNode) fields).deepCopy();
        webhook.put("id", UUID.randomUUID().toString());
        webhook.put("phone_number_id", phoneNumberId != null ? phoneNumberId : fields.path("phone_number_id").asText(null));
        webhooks.add(webhook);
        return StubResponse.json(201, MAPPER.createObjectNode().set("data", webhook).toString());
    }

    private StubResponse update(RecordedRequest request, String id) {
        if (failWith != null) {
            return failWith;
        }
        for (ObjectNode webhook : webhooks) {
            if (webhook.path("id").asText().equals(id)) {
                webhook.setAll((ObjectNode) request.json().path("whatsapp_webhook"));
                return StubResponse.json(200, MAPPER.createObjectNode().set("data", webhook).toString());
            }
        }
        return StubResponse.json(404, "{\"error\":\"Webhook not found\"}");
    }

    static Map<String, Object> fieldsOf(RecordedRequest request) {
        return MAPPER.convertValue(request.json().path("whatsapp_webhook"), Map.class);
    }
}
