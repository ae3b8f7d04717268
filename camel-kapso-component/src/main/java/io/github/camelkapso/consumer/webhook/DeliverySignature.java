package io.github.camelkapso.consumer.webhook;

import java.util.function.Function;

/**
 * Decides whether a delivery is signed with the webhook secret. A Kapso webhook signs in {@code X-Webhook-Signature}
 * (bare hex); a Meta-forwarded one in {@code X-Hub-Signature-256} ({@code sha256=<hex>}, Meta's format) or
 * {@code X-Webhook-Signature}: either one matching is enough, as both are keyed with the secret.
 */
final class DeliverySignature {

    static final String KAPSO_HEADER = "X-Webhook-Signature";
    static final String META_HEADER = "X-Hub-Signature-256";
    private static final String META_PREFIX = "sha256=";

    /** Why a delivery was refused, in words safe to send back (they never include the secret or the expected digest). */
    static final String MISSING = "Missing webhook signature";
    static final String INVALID = "Invalid webhook signature";

    private final boolean meta;

    DeliverySignature(boolean meta) {
        this.meta = meta;
    }

    /** Null when the signature is valid, else the reason to answer 401 with. */
    String refusal(String secret, byte[] body, Function<String, String> headers) {
        String kapso = headers.apply(KAPSO_HEADER);
        if (!meta) {
            if (kapso == null) {
                return MISSING;
            }
            return HmacSignature.matches(secret, body, kapso) ? null : INVALID;
        }
        String hub = headers.apply(META_HEADER);
        if (hub == null && kapso == null) {
            return MISSING;
        }
        boolean hubValid = hub != null && hub.startsWith(META_PREFIX)
                           && HmacSignature.matches(secret, body, hub.substring(META_PREFIX.length()));
        boolean kapsoValid = kapso != null && HmacSignature.matches(secret, body, kapso);
        return hubValid || kapsoValid ? null : INVALID;
    }
}
