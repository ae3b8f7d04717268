package io.github.camelkapso.simulator.ops.platform;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
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
 * WhatsApp broadcasts ({@code /whatsapp/broadcasts}): template campaigns sent through the shared messaging model.
 * Rules:
 * <ul>
 * <li>a broadcast is created in {@code draft} with a name, a project phone number and a template of that number's
 * WABA, by Meta template id or legacy internal UUID (404 "Phone number or template not found" otherwise);</li>
 * <li>recipients are added only to draft broadcasts (422), at most {@value #MAX_RECIPIENTS_PER_CALL} per call (422
 * naming the rule); numbers are stored as digits without {@code +}; an entry needs phone_number or an existing
 * whatsapp_contact_id; duplicates (in the broadcast or the request) are skipped and counted; invalid entries
 * (number format, body parameter count against the template's placeholders) are reported per recipient in
 * {@code errors} while the rest are added; the answer is 201 {@code {added, duplicates, errors}};</li>
 * <li>recipients can be cleared from draft or scheduled broadcasts; clearing a scheduled one returns it to draft
 * and clears scheduled_at;</li>
 * <li>send (202) and schedule (202) need a draft broadcast with at least one recipient and an approved template;
 * scheduled_at must be an ISO-8601 time with a zone, in the future (422); a scheduled broadcast starts sending at
 * its time, the wait being scaled by the time factor (1 h ahead runs after 3.6 s at 0.001);</li>
 * <li>sending: status draft → sending (started_at) → completed (completed_at) once no recipient is pending;
 * each recipient is sent the template with its components (a template needs no 24 h window), in batches of
 * {@value BroadcastDelivery#BATCH_SIZE}; a recipient's status follows its message: pending → sent (sent_at,
 * delivered_at, read_at as the message's statuses arrive) or failed (failed_at, error_message, error_details with
 * Meta's code and message); a reply after the send sets responded_at;</li>
 * <li>counters: total_recipients, sent_count, failed_count, pending_count, suppressed_count (recipient statuses),
 * delivered_count, read_count, responded_count (timestamps), response_rate = responded / sent in percent, one
 * decimal;</li>
 * <li>cancel returns a scheduled broadcast to draft (422 for any other status); PATCH status: {@code stopped}
 * stops a sending broadcast (stopped_at; pending recipients stay pending, no new sends), {@code draft} cancels a
 * scheduled one; any other transition is 422;</li>
 * <li>lists: broadcasts newest first, filtered by phone_number_id, status, created_after/before; recipients in the
 * order they were added; both page-paginated with the X-Total headers.</li>
 * </ul>
 * Not simulated: {@code suppressed} recipients (marketing opt-outs) and the {@code copying} status of duplicated
 * broadcasts, for which the Platform API has no operation.
 */
public final class BroadcastsModule implements SimulatorModule {

    static final int MAX_RECIPIENTS_PER_CALL = 1000;

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        BroadcastBook book = new BroadcastBook(ctx);
        BroadcastDelivery delivery = new BroadcastDelivery(ctx, book);
        RecipientIntake intake = new RecipientIntake(ctx, book);
        Store phones = ctx.state().store(Stores.PHONE_NUMBERS);

        handlers.on("createBroadcast", r -> {
            ObjectNode a = r.attributes();
            String name = Crud.requireText(a, "name", "whatsapp_broadcast");
            String phoneId = a.path("phone_number_id").asText();
            ObjectNode phone = phones.get(phoneId).orElseThrow(() -> ApiError.notFound(r.operation(), "Phone number " + phoneId));
            String templateId = a.path("whatsapp_template_id").asText();
            ObjectNode template = book.template(templateId)
                    .filter(t -> !t.hasNonNull("business_account_id")
                                 || t.path("business_account_id").asText().equals(phone.path("business_account_id").asText()))
                    .orElseThrow(() -> ApiError.notFound(r.operation(), "Template " + templateId));
            ObjectNode attrs = SimState.object();
            attrs.put("name", name);
            attrs.put("status", "draft");
            for (String f : List.of("scheduled_at", "started_at", "stopped_at", "completed_at")) {
                attrs.putNull(f);
            }
            attrs.put("phone_number_id", phoneId);
            attrs.put("whatsapp_template_id", template.path("id").asText());
            ObjectNode broadcast = book.broadcasts.put(Crud.newRecord(ctx, Ids.uuid(), attrs));
            return SimResponse.data(201, book.view(broadcast));
        });
        handlers.on("listBroadcasts", r -> {
            String status = r.query("status");
            if (status != null && !status.isEmpty() && !BroadcastBook.STATUSES.contains(status)) {
                throw ApiError.invalid(r.operation(), "status", "must be one of " + BroadcastBook.STATUSES);
            }
            book.broadcasts.all().stream().filter(b -> List.of("sending", "stopped", "completed").contains(b.path("status").asText()))
                    .forEach(delivery::refresh);
            return Paging.page(r, Views.map(book.broadcasts.newestFirst(QueryFilters.of(r), "created_at"), book::view), 100);
        });
        handlers.on("getBroadcast", r -> {
            ObjectNode broadcast = require(book, r);
            delivery.refresh(broadcast);
            return SimResponse.data(200, book.view(broadcast));
        });
        handlers.on("updateBroadcastStatus", r -> {
            ObjectNode broadcast = require(book, r);
            String current = broadcast.path("status").asText();
            String wanted = r.attributes().path("status").asText();
            if (wanted.equals("stopped") && current.equals("sending")) {
                String now = ctx.clock().iso();
                broadcast.put("status", "stopped");
                broadcast.put("stopped_at", now);
                broadcast.put("updated_at", now);
            } else if (wanted.equals("draft") && current.equals("scheduled")) {
                delivery.unschedule(broadcast);
            } else {
                throw ApiError.unprocessable("whatsapp_broadcast.status cannot change from " + current + " to " + wanted
                                             + ": only a sending broadcast can be stopped and only a scheduled one returned to draft");
            }
            delivery.refresh(broadcast);
            return SimResponse.data(200, book.view(broadcast));
        });

        handlers.on("addBroadcastRecipients", r -> {
            ObjectNode broadcast = require(book, r);
            requireStatus(broadcast, "add recipients to", "draft");
            JsonNode recipients = r.attributes().path("recipients");
            if (recipients.size() > MAX_RECIPIENTS_PER_CALL) {
                throw ApiError.invalid(r.operation(), "whatsapp_broadcast.recipients",
                        "can contain at most " + MAX_RECIPIENTS_PER_CALL + " recipients per request (got " + recipients.size() + ")");
            }
            RecipientIntake.Result result = intake.add(broadcast, recipients);
            broadcast.put("updated_at", ctx.clock().iso());
            return SimResponse.data(201, result.toJson());
        });
        handlers.on("listBroadcastRecipients", r -> {
            ObjectNode broadcast = require(book, r);
            delivery.refresh(broadcast);
            return Paging.page(r, Views.map(book.recipientsOf(broadcast.path("id").asText()), BroadcastBook::recipientView), 100);
        });
        handlers.on("clearBroadcastRecipients", r -> {
            ObjectNode broadcast = require(book, r);
            requireStatus(broadcast, "clear the recipients of", "draft", "scheduled");
            book.recipientsOf(broadcast.path("id").asText()).forEach(e -> book.recipients.remove(e.id()));
            if ("scheduled".equals(broadcast.path("status").asText())) {
                delivery.unschedule(broadcast);
            }
            broadcast.put("updated_at", ctx.clock().iso());
            return SimResponse.data(200, book.view(broadcast));
        });

        handlers.on("sendBroadcast", r -> {
            ObjectNode broadcast = readyToSend(book, r, "send");
            delivery.start(broadcast);
            return SimResponse.data(202, BroadcastBook.sendAnswer(broadcast));
        });
        handlers.on("scheduleBroadcast", r -> {
            require(book, r);
            String text = r.attributes().path("scheduled_at").asText(null);
            Instant at = Times.parse(text);
            if (at == null) {
                throw ApiError.invalid(r.operation(), "scheduled_at", "must be an ISO-8601 timestamp with timezone, got " + text);
            }
            if (!at.isAfter(ctx.clock().now())) {
                throw ApiError.invalid(r.operation(), "scheduled_at", "must be in the future, got " + text);
            }
            ObjectNode broadcast = readyToSend(book, r, "schedule");
            delivery.schedule(broadcast, at);
            return SimResponse.data(202, BroadcastBook.sendAnswer(broadcast));
        });
        handlers.on("cancelBroadcast", r -> {
            ObjectNode broadcast = require(book, r);
            requireStatus(broadcast, "cancel", "scheduled");
            delivery.unschedule(broadcast);
            return SimResponse.data(200, BroadcastBook.sendAnswer(broadcast));
        });
    }

    private static ObjectNode require(BroadcastBook book, SimRequest r) {
        return Crud.require(book.broadcasts, r, "broadcast_id", "Broadcast");
    }

    private static void requireStatus(ObjectNode broadcast, String action, String... allowed) {
        String status = broadcast.path("status").asText();
        for (String s : allowed) {
            if (s.equals(status)) {
                return;
            }
        }
        throw ApiError.unprocessable("Cannot " + action + " a broadcast in status " + status + " (allowed: "
                                     + String.join(", ", allowed) + ")");
    }

    /** A draft broadcast with recipients and an approved template, or the 422 saying what is missing. */
    private static ObjectNode readyToSend(BroadcastBook book, SimRequest r, String action) {
        ObjectNode broadcast = require(book, r);
        requireStatus(broadcast, action, "draft");
        if (book.recipientsOf(broadcast.path("id").asText()).isEmpty()) {
            throw ApiError.unprocessable("Cannot " + action + " a broadcast without recipients: add recipients first");
        }
        ObjectNode template = book.template(broadcast.path("whatsapp_template_id").asText(null))
                .orElseThrow(() -> ApiError.unprocessable("The broadcast's template no longer exists"));
        if (!"APPROVED".equalsIgnoreCase(template.path("status").asText())) {
            throw ApiError.unprocessable("Template " + template.path("name").asText() + " is not approved (status "
                                         + template.path("status").asText() + ")");
        }
        return broadcast;
    }
}
