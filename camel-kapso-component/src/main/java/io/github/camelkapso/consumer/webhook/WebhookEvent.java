package io.github.camelkapso.consumer.webhook;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One exchange's worth of a delivery: an event (or, when not split, the whole delivery) with the values that become
 * its CamelKapso* headers.
 *
 * @param containedTypes the event names inside: just {@code type} for one event, every item's for an unsplit delivery
 * @param batchIndex     position in the batch, or null when not an item of a split batch
 * @param batchSize      events in the delivery, or null when it was not a batch
 */
record WebhookEvent(String type, Set<String> containedTypes, String idempotencyKey, JsonNode payload, Integer batchIndex,
                    Integer batchSize, String phoneNumberId, String conversationId, String messageId) {
}
