package io.github.camelkapso.consumer.flows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.consumer.HmacSha256Signature;
import io.github.camelkapso.consumer.HttpAnswer;
import io.github.camelkapso.consumer.JsonContentType;
import io.github.camelkapso.consumer.RejectedRequestLog;
import io.github.camelkapso.consumer.flows.FlowsReplyReader.InvalidReplyException;
import io.github.camelkapso.consumer.flows.crypto.FlowsDecryptionException;
import io.github.camelkapso.consumer.flows.crypto.FlowsEnvelope;
import io.github.camelkapso.consumer.flows.crypto.FlowsEnvelopeCipher;
import io.github.camelkapso.consumer.flows.crypto.FlowsSessionKey;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one HTTP request of the Flows data endpoint on the platform-http exchange: size limit (413), optional
 * X-Hub-Signature-256 check (432), decryption (421), then ping answered here, everything else through the route, and the
 * reply encrypted with the request's AES key and flipped IV. Nothing reaches the route before it is verified and
 * decrypted; the answer is written only after the route finished.
 */
final class FlowsRequestProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(FlowsRequestProcessor.class);
    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final byte[] PING_REPLY = "{\"data\":{\"status\":\"active\"}}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ERROR_NOTIFICATION_ACK
            = "{\"data\":{\"acknowledged\":true}}".getBytes(StandardCharsets.UTF_8);

    private final String path;
    private final int maxBodySize;
    private final HmacSha256Signature signatureVerifier;
    private final FlowsEnvelopeCipher cipher;
    private final FlowsRouteInvoker route;
    private final FlowsReplyReader replyReader;
    private final ObjectMapper mapper;
    private final FlowsReplayGuard replays;
    private final RejectedRequestLog rejections;

    /** @param signatureVerifier null when no app secret is configured */
    FlowsRequestProcessor(String path, int maxBodySize, HmacSha256Signature signatureVerifier, FlowsEnvelopeCipher cipher,
                          FlowsReplayGuard replays, FlowsRouteInvoker route, ObjectMapper mapper) {
        this.replays = replays;
        this.rejections = new RejectedRequestLog(LOG, "kapso:flowsDataEndpoint on " + path);
        this.path = path;
        this.maxBodySize = maxBodySize;
        this.signatureVerifier = signatureVerifier;
        this.cipher = cipher;
        this.route = route;
        this.mapper = mapper;
        this.replyReader = new FlowsReplyReader(mapper);
    }

    @Override
    public void process(Exchange http) {
        HttpAnswer answer;
        try {
            answer = answer(http.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Unexpected failure serving a Flows request on {}: {}; answering 500", path, e.toString());
            answer = HttpAnswer.text(FlowsStatus.INTERNAL_ERROR, "");
        }
        answer.writeTo(http);
    }

    private HttpAnswer answer(Message in) {
        String wrongType = JsonContentType.refusal(in);
        if (wrongType != null) {
            rejections.refused(JsonContentType.UNSUPPORTED_MEDIA_TYPE, wrongType);
            return HttpAnswer.text(JsonContentType.UNSUPPORTED_MEDIA_TYPE, wrongType);
        }
        Long declaredLength = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declaredLength != null && declaredLength > maxBodySize) {
            return tooLarge();
        }
        byte[] raw = in.getBody(byte[].class);
        if (raw == null) {
            raw = new byte[0];
        }
        if (raw.length > maxBodySize) {
            return tooLarge();
        }
        if (signatureVerifier != null && !signatureVerifier.matchesPrefixed(raw, signatureHeader(in))) {
            rejections.refused(FlowsStatus.SIGNATURE_FAILED,
                    SIGNATURE_HEADER + " is missing or does not match flowsAppSecret");
            return HttpAnswer.text(FlowsStatus.SIGNATURE_FAILED, "Request signature authentication failed");
        }
        FlowsEnvelopeCipher.Decrypted decrypted;
        FlowRequest request;
        try {
            FlowsEnvelope envelope = FlowsEnvelope.parse(raw, mapper);
            decrypted = cipher.decrypt(envelope);
            request = new FlowRequest(parseRequest(decrypted.plaintext()), decrypted.plaintext());
            if (!replays.firstUse(envelope.initialVector())) {
                throw new FlowsDecryptionException("The request's initial vector was already used: a replayed request");
            }
        } catch (FlowsDecryptionException e) {
            rejections.refused(FlowsStatus.CANNOT_DECRYPT, e.getDetail());
            return HttpAnswer.text(FlowsStatus.CANNOT_DECRYPT, e.getMessage());
        }
        FlowsSessionKey sessionKey = decrypted.sessionKey();
        if (request.isPing()) {
            LOG.debug("Answered a Flows health check on {}", path);
            return HttpAnswer.of(FlowsStatus.OK, "text/plain", sessionKey.encryptResponse(PING_REPLY));
        }
        if (request.errorKey() != null) {
            LOG.info("WhatsApp rejected the previous Flows reply on {} (screen {}): {}", path, request.screen(),
                    request.errorKey());
            // the route sees the notification; WhatsApp gets the acknowledgement Meta specifies, whatever the reply
            return route.invoke(request,
                    (reply, body) -> HttpAnswer.of(FlowsStatus.OK, "text/plain", sessionKey.encryptResponse(ERROR_NOTIFICATION_ACK)));
        }
        return route.invoke(request, (reply, body) -> encryptReply(request, sessionKey, reply, body));
    }

    private HttpAnswer encryptReply(FlowRequest request, FlowsSessionKey sessionKey, Message reply, Object body) {
        try {
            return HttpAnswer.of(FlowsStatus.OK, "text/plain", sessionKey.encryptResponse(replyReader.read(reply, body)));
        } catch (InvalidReplyException e) {
            LOG.warn("The kapso:flowsDataEndpoint route on {} answered a {} request (screen {}) with no valid Flows"
                     + " response: {}; it must set a JSON object with a \"data\" object, e.g."
                     + " {\"screen\":\"NEXT\",\"data\":{...}}. Answering 500",
                    path, request.action(), request.screen(), e.getMessage());
            return HttpAnswer.text(FlowsStatus.INTERNAL_ERROR, "");
        }
    }

    private JsonNode parseRequest(byte[] plaintext) throws FlowsDecryptionException {
        JsonNode json;
        try {
            json = mapper.readTree(plaintext);
        } catch (IOException e) {
            throw new FlowsDecryptionException("The decrypted request is not UTF-8 JSON");
        }
        if (json == null || !json.isObject()) {
            throw new FlowsDecryptionException("The decrypted request is not a JSON object");
        }
        return json;
    }

    private HttpAnswer tooLarge() {
        rejections.refused(FlowsStatus.PAYLOAD_TOO_LARGE, "the body is over maxBodySize (" + maxBodySize + " bytes)");
        return HttpAnswer.text(FlowsStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than this endpoint accepts (" + maxBodySize + " bytes)");
    }

    /** The signature header, or null when absent or sent more than once (which is never legitimate). */
    private static String signatureHeader(Message in) {
        Object value = in.getHeader(SIGNATURE_HEADER);
        if (value instanceof Collection<?> values) {
            return values.size() == 1 ? String.valueOf(values.iterator().next()) : null;
        }
        return value == null ? null : value.toString();
    }
}
