package io.github.camelkapso.producer;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoConfiguration;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.ProvidedHeaders;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.client.KapsoPages;
import io.github.camelkapso.client.KapsoResponse;
import io.github.camelkapso.client.PageInfo;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

/** Puts an answer on the exchange: the body in the configured type and the CamelKapso* headers. */
final class ResultWriter {

    private final ObjectMapper mapper;
    private final KapsoConfiguration cfg;

    ResultWriter(ObjectMapper mapper, KapsoConfiguration cfg) {
        this.mapper = mapper;
        this.cfg = cfg;
    }

    void write(Exchange exchange, KapsoOperation op, KapsoResponse answer) throws JsonProcessingException {
        Message out = exchange.getMessage();
        writeHeaders(out, op, answer);
        out.removeHeader(KapsoConstants.PAGES_FETCHED);
        if (op.envelope() == KapsoOperation.Envelope.BINARY) {
            setOrRemove(out, Exchange.CONTENT_TYPE, answer.headers().firstValue("Content-Type").orElse(null));
            out.setBody(answer.bytes());
            return;
        }
        boolean list = op.isList();
        if (cfg.isSplitResult() && list) {
            out.setHeader(KapsoConstants.ITEM_COUNT, answer.items().size());
            out.setBody(split(exchange, answer.items()));
            return;
        }
        if (list) {
            out.setHeader(KapsoConstants.ITEM_COUNT, answer.items().size());
        } else {
            out.removeHeader(KapsoConstants.ITEM_COUNT);
        }
        out.setBody(convert(answer.json()));
    }

    void writeAll(Exchange exchange, KapsoOperation op, KapsoPages result) throws JsonProcessingException {
        Message out = exchange.getMessage();
        writeHeaders(out, op, result.last());
        out.setHeader(KapsoConstants.PAGES_FETCHED, result.pages());
        out.setHeader(KapsoConstants.ITEM_COUNT, result.items().size());
        if (!result.truncated()) {
            out.removeHeader(KapsoConstants.NEXT_CURSOR);
        }
        out.setBody(cfg.isSplitResult() ? split(exchange, result.items()) : convertAll(result.items()));
    }

    private void writeHeaders(Message out, KapsoOperation op, KapsoResponse answer) {
        out.setHeader(KapsoConstants.HTTP_STATUS, answer.status());
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        out.setHeader(KapsoConstants.RESPONSE_OPERATION, op.id());
        out.setHeader(KapsoConstants.ATTEMPTS, answer.attempts());
        PageInfo page = answer.page();
        setOrRemove(out, KapsoConstants.NEXT_CURSOR, page.moreAfter() ? page.nextCursor() : null);
        setOrRemove(out, KapsoConstants.PREVIOUS_CURSOR, page.previousCursor());
        ProvidedHeaders.set(out, KapsoConstants.PAGE, page.page());
        setOrRemove(out, KapsoConstants.TOTAL_PAGES, page.totalPages());
        setOrRemove(out, KapsoConstants.TOTAL_COUNT, page.totalCount());
        setOrRemove(out, KapsoConstants.RATE_LIMIT_REMAINING, answer.headerNumber("X-RateLimit-Remaining"));
        setOrRemove(out, KapsoConstants.RATE_LIMIT_LIMIT, answer.headerNumber("X-RateLimit-Limit"));
        if (op.isMessageSend() && answer.json() != null) {
            JsonNode id = answer.json().path("messages").path(0).path("id");
            if (id.isTextual()) {
                ProvidedHeaders.set(out, KapsoConstants.MESSAGE_ID, id.asText());
            }
        }
    }

    private List<Message> split(Exchange exchange, List<JsonNode> items) throws JsonProcessingException {
        List<Message> messages = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            DefaultMessage message = new DefaultMessage(exchange.getContext());
            message.copyFromWithNewBody(exchange.getMessage(), convert(items.get(i)));
            message.setHeader(KapsoConstants.ITEM_INDEX, i);
            messages.add(message);
        }
        return messages;
    }

    private List<Object> convertAll(List<JsonNode> items) throws JsonProcessingException {
        List<Object> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            out.add(convert(item));
        }
        return out;
    }

    private Object convert(JsonNode node) throws JsonProcessingException {
        if (node == null) {
            return null;
        }
        Class<?> type = cfg.getResponseClass();
        if (type == null || type == Object.class) {
            return mapper.treeToValue(node, Object.class);
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return node;
        }
        if (type == String.class) {
            return node.isTextual() ? node.asText() : mapper.writeValueAsString(node);
        }
        return mapper.treeToValue(node, type);
    }

    private static void setOrRemove(Message out, String header, Object value) {
        if (value == null) {
            out.removeHeader(header);
        } else {
            out.setHeader(header, value);
        }
    }
}
