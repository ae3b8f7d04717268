package io.github.camelkapso.consumer.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

import io.github.camelkapso.consumer.HttpAnswer;

/**
 * Answers Meta's subscription check: {@code GET ?hub.mode=subscribe&hub.verify_token=<token>&hub.challenge=<c>} is
 * answered 200 with the challenge when the token is the configured one, 403 otherwise.
 */
final class MetaHandshake {

    private final String verifyToken;

    MetaHandshake(String verifyToken) {
        this.verifyToken = verifyToken;
    }

    HttpAnswer answer(String rawQuery) {
        Map<String, String> query = parse(rawQuery);
        String mode = query.get("hub.mode");
        String token = query.get("hub.verify_token");
        String challenge = query.get("hub.challenge");
        if (mode == null || token == null || challenge == null) {
            return HttpAnswer.text(400, "Expected hub.mode, hub.verify_token and hub.challenge");
        }
        if (verifyToken == null) {
            return HttpAnswer.text(403, "No verifyToken is configured for this webhook");
        }
        if (!"subscribe".equals(mode) || !MessageDigest.isEqual(verifyToken.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return HttpAnswer.text(403, "Verification refused");
        }
        return HttpAnswer.text(200, challenge);
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed %-escape: leave that parameter out
            }
        }
        return out;
    }
}
