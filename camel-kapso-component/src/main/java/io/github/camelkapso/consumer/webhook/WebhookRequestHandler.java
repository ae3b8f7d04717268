package io.github.camelkapso.consumer.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.ProvidedHeaders;
import io.github.camelkapso.consumer.HttpAnswer;
import io.github.camelkapso.consumer.JsonContentType;
import io.github.camelkapso.consumer.RejectedRequestLog;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one HTTP request to the webhook path, start to finish: size, signature and JSON checks, the Meta handshake,
 * splitting, filtering, de-duplication, running the route for each event in order, and the answer. It answers 200 only
 * once the route has finished for every event of the delivery, and never lets an unverified body reach the route.
 * Answers carry a short fixed text: never the secret, a digest, or an exception message.
 */
final class WebhookRequestHandler implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRequestHandler.class);

    private final ObjectMapper mapper;
    private final ObjectReader strict;
    private final boolean meta;
    private final int maxBodySize;
    private final Supplier<String> secret;
    private final DeliverySignature signature;
    private final MetaHandshake handshake;
    private final KapsoDeliveryReader kapsoReader;
    private final MetaDeliveryReader metaReader;
    private final EventTypeFilter filter;
    private final IdempotencyGate gate;
    private final EventRouting routing;
    private final ForwardedHeaders forwarded;
    private final RejectedRequestLog rejections = new RejectedRequestLog(LOG, "kapso:webhook");

    WebhookRequestHandler(KapsoWebhookConfiguration config, int maxBodySize, Supplier<String> secret, IdempotencyGate gate,
                          EventRouting routing, ObjectMapper mapper) {
        this.mapper = mapper;
        this.strict = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.meta = config.isMeta();
        this.maxBodySize = maxBodySize;
        this.secret = secret;
        this.signature = new DeliverySignature(meta);
        this.handshake = new MetaHandshake(config.getVerifyToken());
        this.kapsoReader = new KapsoDeliveryReader(config.isSplitBatch());
        this.metaReader = new MetaDeliveryReader(config.isSplitBatch());
        this.filter = new EventTypeFilter(config.getEventTypes());
        this.gate = gate;
        this.routing = routing;
        this.forwarded = new ForwardedHeaders(config.getWebhookForwardHeaders());
    }

    @Override
    public void process(Exchange request) {
        HttpAnswer answer;
        try {
            answer = answer(request);
        } catch (Exception e) {
            LOG.warn("kapso:webhook could not handle a request ({}); answering 500", e.getClass().getName(), e);
            answer = HttpAnswer.text(500, "Internal error");
        }
        answer.writeTo(request);
    }

    private HttpAnswer answer(Exchange request) throws Exception {
        Message in = request.getMessage();
        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        if (meta && "GET".equalsIgnoreCase(method)) {
            return handshake.answer(in.getHeader(Exchange.HTTP_QUERY, String.class));
        }
        if (!"POST".equalsIgnoreCase(method)) {
            return HttpAnswer.methodNotAllowed(meta ? "GET, POST" : "POST");
        }
        String wrongType = JsonContentType.refusal(in);
        if (wrongType != null) {
            return refused(JsonContentType.UNSUPPORTED_MEDIA_TYPE, wrongType);
        }
        Long declared = contentLength(in);
        if (declared != null && declared > maxBodySize) {
            return tooLarge();
        }
        byte[] raw = body(in);
        if (raw.length > maxBodySize) {
            return tooLarge();
        }
        String key = secret.get();
        if (key == null) {
            // registration has not produced a secret yet: nothing can be verified
            return HttpAnswer.text(503, "Webhook not ready");
        }
        String refusal = signature.refusal(key, raw, name -> in.getHeader(name, String.class));
        if (refusal != null) {
            return refused(401, refusal);
        }
        JsonNode body;
        try {
            body = raw.length == 0 ? null : strict.readTree(raw);
        } catch (JsonProcessingException e) {
            return HttpAnswer.text(400, "Malformed JSON body");
        }
        if (body == null || !body.isObject()) {
            return HttpAnswer.text(400, "Expected a JSON object");
        }
        DeliveryHeaders headers = DeliveryHeaders.of(name -> in.getHeader(name, String.class));
        // X-Idempotency-Key is not signed: a replay could change it at will, the bytes it cannot
        String deliveryKey = "delivery:" + sha256Hex(raw);
        List<WebhookEvent> events;
        try {
            events = meta ? keyedOnIds(metaReader.read(body, deliveryKey)) : kapsoReader.read(body, headers, deliveryKey);
        } catch (MalformedDeliveryException e) {
            return HttpAnswer.text(400, e.getMessage());
        }
        return deliver(request, raw, headers, events);
    }

    private HttpAnswer deliver(Exchange request, byte[] raw, DeliveryHeaders headers, List<WebhookEvent> events)
            throws Exception {
        int processed = 0;
        for (WebhookEvent event : events) {
            if (!filter.acceptsAny(event.containedTypes())) {
                LOG.debug("kapso:webhook skipped {} {}: not in eventTypes", event.type(), event.idempotencyKey());
                continue;
            }
            switch (gate.claim(event.idempotencyKey())) {
                case DUPLICATE:
                    LOG.debug("kapso:webhook skipped {} {}: already processed", event.type(), event.idempotencyKey());
                    continue;
                case IN_FLIGHT:
                    return HttpAnswer.text(409, "This delivery is already being processed; retry later");
                default:
                    break;
            }
            if (!run(request, raw, headers, event)) {
                return HttpAnswer.text(500, "Event processing failed; retry later");
            }
            processed++;
        }
        return HttpAnswer.text(200, processed == 0 ? "Ignored" : "OK");
    }

    /** Runs the route for one event; true when it succeeded. */
    private boolean run(Exchange request, byte[] raw, DeliveryHeaders headers, WebhookEvent event) throws Exception {
        Exchange exchange;
        try {
            exchange = routing.createExchange(request);
            populate(exchange, request.getMessage(), raw, headers, event);
        } catch (Exception e) {
            gate.failed(event.idempotencyKey());
            throw e;
        }
        try {
            try {
                routing.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure != null || exchange.isRollbackOnly()) {
                gate.failed(event.idempotencyKey());
                LOG.warn("kapso:webhook route failed for {} (key {}): {}; answering 500 so Kapso retries the delivery",
                        event.type(), event.idempotencyKey(), failure == null ? "rollback" : failure.toString());
                return false;
            }
            gate.succeeded(event.idempotencyKey());
            return true;
        } finally {
            routing.release(exchange);
        }
    }

    private void populate(Exchange exchange, Message request, byte[] raw, DeliveryHeaders headers, WebhookEvent event) {
        Message out = exchange.getMessage();
        forwarded.copy(request, out);
        out.setHeader(KapsoConstants.EVENT_TYPE, event.type());
        out.setHeader(KapsoConstants.IDEMPOTENCY_KEY, event.idempotencyKey());
        setIfPresent(out, KapsoConstants.PAYLOAD_VERSION, headers.payloadVersion());
        // ids that double as producer parameters, recorded so an option written on a later kapso: endpoint wins
        ProvidedHeaders.set(out, KapsoConstants.PHONE_NUMBER_ID, event.phoneNumberId());
        ProvidedHeaders.set(out, KapsoConstants.CONVERSATION_ID, event.conversationId());
        ProvidedHeaders.set(out, KapsoConstants.MESSAGE_ID, event.messageId());
        setIfPresent(out, KapsoConstants.BATCH_INDEX, event.batchIndex());
        setIfPresent(out, KapsoConstants.BATCH_SIZE, event.batchSize());
        out.setBody(mapper.convertValue(event.payload(), Object.class));
        exchange.setProperty(KapsoConstants.RAW_BODY, raw);
    }

    private static List<WebhookEvent> keyedOnIds(List<WebhookEvent> events) {
        return events.stream().map(e -> new WebhookEvent(e.type(), e.containedTypes(), EventKeys.ofMeta(e), e.payload(),
                e.batchIndex(), e.batchSize(), e.phoneNumberId(), e.conversationId(), e.messageId())).toList();
    }

    private static void setIfPresent(Message message, String name, Object value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }

    private HttpAnswer tooLarge() {
        return refused(413, "Body larger than " + maxBodySize + " bytes");
    }

    private HttpAnswer refused(int status, String reason) {
        rejections.refused(status, reason);
        return HttpAnswer.text(status, reason);
    }

    private static Long contentLength(Message in) {
        String value = in.getHeader("Content-Length", String.class);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The request body exactly as received (at most one byte past the limit, for a stream). */
    private byte[] body(Message in) throws IOException {
        Object body = in.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof String text) {
            // an engine that already decoded the body: re-encoding is only exact for UTF-8 JSON, which Kapso sends
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = in.getBody(byte[].class);
        if (bytes != null) {
            return bytes;
        }
        try (InputStream stream = in.getMandatoryBody(InputStream.class)) {
            return stream.readNBytes(maxBodySize + 1);
        } catch (org.apache.camel.InvalidPayloadException e) {
            throw new IOException("Cannot read the request body of type " + body.getClass().getName(), e);
        }
    }

    private static String sha256Hex(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
