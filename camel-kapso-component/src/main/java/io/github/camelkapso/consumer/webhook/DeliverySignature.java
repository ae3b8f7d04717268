package io.github.camelkapso.consumer.webhook;

import java.util.function.Function;

import io.github.camelkapso.consumer.HmacSha256Signature;

/**
 * Decides whether a delivery is signed with the webhook secret. A Kapso webhook signs in {@code X-Webhook-Signature}
 * (bare hex); a Meta-forwarded one in {@code X-Hub-Signature-256} ({@code sha256=<hex>}, Meta's format) or
 * {@code X-Webhook-Signature}: either one matching is enough, as both are keyed with the secret.
 */
final class DeliverySignature {

    static final String KAPSO_HEADER = "X-Webhook-Signature";
    static final String META_HEADER = "X-Hub-Signature-256";

    /** Why a delivery was refused, in words safe to send back (they never include the secret or the expected digest). */
    static final String MISSING = "Missing webhook signature";
    static final String INVALID = "Invalid webhook signature";

    private final boolean meta;

    DeliverySignature(boolean meta) {
        this.meta = meta;
    }

    /**
     * Null when the signature is valid, else the reason to answer 401 with.
     *
     * @param secrets the webhook secret, or several separated by commas during a rotation
     */
    String refusal(String secrets, byte[] body, Function<String, String> headers) {
        String kapso = headers.apply(KAPSO_HEADER);
        String hub = meta ? headers.apply(META_HEADER) : null;
        if (kapso == null && hub == null) {
            return MISSING;
        }
        HmacSha256Signature signature = HmacSha256Signature.of("webhookSecret", secrets);
        boolean kapsoValid = kapso != null && signature.matchesHex(body, kapso);
        boolean hubValid = hub != null && signature.matchesPrefixed(body, hub);
        return kapsoValid || hubValid ? null : INVALID;
    }
}
