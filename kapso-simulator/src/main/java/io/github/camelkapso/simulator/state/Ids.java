package io.github.camelkapso.simulator.state;

import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers in the formats Kapso and Meta use. */
public final class Ids {

    private Ids() {
    }

    /**
     * A Kapso UUID (customers, broadcasts, conversations, webhooks, ...): random version 4, from a fast non-secure
     * generator (every authenticated call makes one for its API log).
     */
    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
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
