package io.github.camelkapso.simulator.ops.meta;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelkapso.simulator.SimContext;

/**
 * Signed, short-lived download tokens for {@code GET /meta/whatsapp/media_download?token=...}: the token names what
 * it downloads (a media file, a Flow JSON asset) and when it expires, signed with HMAC-SHA256 under a key of this
 * simulator instance, so it needs no API key and cannot be forged or extended. Lifetimes are wall-clock (Kapso's
 * 4 minutes for media), not scaled by the time factor: they are validity windows, not delays.
 */
public final class DownloadTokens {

    /** Kapso's life of a media download URL. */
    public static final Duration MEDIA_URL_LIFE = Duration.ofMinutes(4);

    /** What a token downloads: its kind ({@code media}, {@code flow_asset}) and the id of the thing. */
    public record Subject(String kind, String id) {
    }

    /** The bytes a download answers. */
    public record Download(byte[] bytes, String contentType, String fileName) {
    }

    private final SimContext ctx;
    private final byte[] key = new byte[32];
    private final Map<String, Function<String, Optional<Download>>> resolvers = new HashMap<>();

    private DownloadTokens(SimContext ctx) {
        this.ctx = ctx;
        new SecureRandom().nextBytes(key);
    }

    public static DownloadTokens of(SimContext ctx) {
        return ctx.shared(DownloadTokens.class, () -> new DownloadTokens(ctx));
    }

    /** Registers how tokens of a kind resolve to bytes (empty when the thing no longer exists). */
    public void resolver(String kind, Function<String, Optional<Download>> resolver) {
        resolvers.put(kind, resolver);
    }

    public Optional<Download> resolve(Subject subject) {
        Function<String, Optional<Download>> r = resolvers.get(subject.kind());
        return r == null ? Optional.empty() : r.apply(subject.id());
    }

    public String issue(Subject subject, Instant expiresAt) {
        String payload = subject.kind() + ":" + subject.id() + ":" + expiresAt.toEpochMilli();
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        return encode(p) + "." + encode(sign(p));
    }

    /** The URL that downloads {@code subject} until {@code expiresAt}, on the simulator the client called. */
    public String url(String base, Subject subject, Instant expiresAt) {
        return base + "/meta/whatsapp/media_download?token=" + issue(subject, expiresAt);
    }

    /** The subject of a genuine, unexpired token. */
    public Optional<Subject> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split(":");
        if (parts.length != 3) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (ctx.clock().now().toEpochMilli() >= expires) {
            return Optional.empty();
        }
        return Optional.of(new Subject(parts[0], parts[1]));
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String encode(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
