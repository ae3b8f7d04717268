package io.github.camelkapso.simulator.state;

import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers in the formats Kapso and Meta use. */
public final class Ids {

    private Ids() {
    }

    /** A Kapso UUID (customers, broadcasts, conversations, webhooks, ...). */
    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** A WhatsApp message id. */
    public static String wamid() {
        byte[] b = new byte[24];
        ThreadLocalRandom.current().nextBytes(b);
        return "wamid.HBgL" + Base64.getUrlEncoder().withoutPadding().encodeToString(b).toUpperCase();
    }

    /** A WhatsApp call id. */
    public static String wacid() {
        return "wacid." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36).toUpperCase();
    }

    /** A Meta numeric node id (phone numbers, WABAs, media, flows, templates): 15-16 digits. */
    public static String numeric() {
        return String.valueOf(1_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999_999_999L));
    }

    /** A random token of url-safe characters. */
    public static String token(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
