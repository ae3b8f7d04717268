package io.github.camelkapso.consumer.webhook;

/**
 * A webhook this consumer created or updated at Kapso.
 *
 * @param phoneNumberId the number it belongs to, null for a project-scoped webhook
 * @param created       whether registration created it (rather than updating an existing one)
 */
record RegisteredWebhook(String id, String url, String phoneNumberId, boolean created) {
}
