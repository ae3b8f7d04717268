package io.github.camelkapso.consumer.flows;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.consumer.HttpAnswer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the consumer's route on one decrypted Flows request and turns what it did into an HTTP answer: the reply (built
 * by the caller), 427 when the route declared the flow token invalid, 500 when it failed. The route finishes before
 * anything is answered.
 */
final class FlowsRouteInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(FlowsRouteInvoker.class);

    /** Builds the answer from a route that completed normally. */
    @FunctionalInterface
    interface ReplyHandler {
        HttpAnswer answer(Message reply, Object request);
    }

    private final KapsoFlowsDataEndpointConsumer consumer;
    private final ObjectMapper mapper;
    private final Class<?> requestClass;

    FlowsRouteInvoker(KapsoFlowsDataEndpointConsumer consumer, ObjectMapper mapper, Class<?> requestClass) {
        this.consumer = consumer;
        this.mapper = mapper;
        this.requestClass = requestClass;
    }

    HttpAnswer invoke(FlowRequest request, ReplyHandler replyHandler) {
        Object body;
        try {
            body = requestBody(request);
        } catch (IllegalArgumentException e) {
            LOG.warn("A Flows request (action {}, screen {}) does not bind to flowsRequestClass {}: {}; answering 500",
                    request.action(), request.screen(), requestClass.getName(), e.getMessage());
            return HttpAnswer.text(FlowsStatus.INTERNAL_ERROR, "");
        }
        Exchange exchange = consumer.createExchange(false);
        try {
            Message in = exchange.getIn();
            in.setBody(body);
            setHeader(in, KapsoConstants.FLOW_ACTION, request.action());
            setHeader(in, KapsoConstants.FLOW_SCREEN, request.screen());
            setHeader(in, KapsoConstants.FLOW_TOKEN, request.flowToken());
            setHeader(in, KapsoConstants.FLOW_VERSION, request.version());
            setHeader(in, KapsoConstants.FLOW_ERROR, request.errorKey());
            try {
                consumer.getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            return outcome(exchange, request, body, replyHandler);
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    private HttpAnswer outcome(Exchange exchange, FlowRequest request, Object body, ReplyHandler replyHandler) {
        Exception failure = exchange.getException();
        if (failure != null) {
            KapsoFlowTokenInvalidException tokenInvalid = exchange.getException(KapsoFlowTokenInvalidException.class);
            if (tokenInvalid != null) {
                return tokenInvalid(tokenInvalid.getUserMessage());
            }
            // the route's error handler has logged the failure with its stack trace; this says what WhatsApp was told
            LOG.warn("The kapso:flowsDataEndpoint route failed on a {} request (screen {}) with {}; answering HTTP 500",
                    request.action(), request.screen(), failure.getClass().getName());
            return HttpAnswer.text(FlowsStatus.INTERNAL_ERROR, "");
        }
        Message reply = exchange.getMessage();
        if (Boolean.TRUE.equals(reply.getHeader(KapsoConstants.FLOW_TOKEN_INVALID, Boolean.class))) {
            return tokenInvalid(reply.getHeader(KapsoConstants.FLOW_TOKEN_INVALID_MESSAGE, String.class));
        }
        return replyHandler.answer(reply, body);
    }

    private HttpAnswer tokenInvalid(String userMessage) {
        if (userMessage == null || userMessage.isBlank()) {
            return HttpAnswer.of(FlowsStatus.FLOW_TOKEN_INVALID, "application/json", "{}");
        }
        try {
            return HttpAnswer.of(FlowsStatus.FLOW_TOKEN_INVALID, "application/json",
                    mapper.writeValueAsString(Map.of("error_msg", userMessage)));
        } catch (Exception e) {
            return HttpAnswer.of(FlowsStatus.FLOW_TOKEN_INVALID, "application/json", "{}");
        }
    }

    private Object requestBody(FlowRequest request) {
        if (requestClass == null || requestClass == Map.class) {
            return mapper.convertValue(request.json(), Map.class);
        }
        if (requestClass == String.class) {
            return new String(request.plaintext(), StandardCharsets.UTF_8);
        }
        if (JsonNode.class.isAssignableFrom(requestClass)) {
            return request.json();
        }
        try {
            return mapper.treeToValue(request.json(), requestClass);
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getClass().getSimpleName(), e);
        }
    }

    private static void setHeader(Message message, String name, String value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}
