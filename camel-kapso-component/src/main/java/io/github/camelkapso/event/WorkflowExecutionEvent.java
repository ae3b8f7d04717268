package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code workflow.execution.handoff} (a workflow handed the conversation to a human) or
 * {@code workflow.execution.failed}.
 *
 * @param status         handoff or failed
 * @param conversationId the WhatsApp conversation the execution ran in
 * @param handoffReason  why it was handed off (handoff only; optional)
 * @param handoffSource  agent_tool or action_step (handoff only)
 * @param errorMessage   why it failed (failed only)
 */
public record WorkflowExecutionEvent(String type, String status, String projectId, String workflowId,
                                     String executionId, String trackingId, String channel, String conversationId,
                                     String occurredAt, String handoffReason, String handoffSource,
                                     String errorMessage, JsonNode raw) implements KapsoEvent {

    static WorkflowExecutionEvent of(String type, JsonNode payload) {
        return new WorkflowExecutionEvent(type, Json.text(payload, "status"), Json.text(payload, "project_id"),
                Json.text(payload, "workflow_id"), Json.text(payload, "workflow_execution_id"),
                Json.text(payload, "tracking_id"), Json.text(payload, "channel"),
                Json.text(payload, "whatsapp_conversation_id"), Json.text(payload, "occurred_at"),
                Json.text(payload, "handoff", "reason"), Json.text(payload, "handoff", "source"),
                Json.text(payload, "error", "message"), payload);
    }
}
