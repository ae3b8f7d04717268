package io.github.camelkapso.connectors.kafka;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Posts deliveries to a kapso:webhook over real HTTP, signed as Kapso signs them (HMAC-SHA256 of the raw bytes, hex). */
final class SignedWebhookClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String secret;

    SignedWebhookClient(String url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    /** One delivery of a single event; the answer's status code. */
    int deliver(String eventType, String json) throws Exception {
        return post(eventType, json, false);
    }

    /** A batched delivery ({@code {"type", "batch": true, "data": [...]}}). */
    int deliverBatch(String eventType, String json) throws Exception {
        return post(eventType, json, true);
    }

    private int post(String eventType, String json, boolean batch) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-Webhook-Signature", sign(body))
                .header("X-Webhook-Event", eventType)
                .header("X-Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Webhook-Payload-Version", "v2")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (batch) {
            request.header("X-Webhook-Batch", "true");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String sign(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
