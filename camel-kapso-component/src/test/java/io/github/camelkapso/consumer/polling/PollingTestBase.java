package io.github.camelkapso.consumer.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.support.KapsoStubServer;
import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.awaitility.Awaitility.await;

/**
 * Polling consumers against a {@link KapsoStubServer} serving {@link GrowingList}s over real HTTP: messages (Meta
 * proxy, Graph cursors, timestamp in Unix seconds), broadcasts (Platform pages), events (Platform cursors) and a
 * database table.
 */
abstract class PollingTestBase {

    static final String API_KEY = "test-key-3c9e51d0aa";
    static final String PHONE = "1065432100";
    static final String MESSAGES_PATH = "/meta/whatsapp/v24.0/" + PHONE + "/messages";
    static final String BROADCASTS_PATH = "/platform/v1/whatsapp/broadcasts";
    static final String EVENTS_PATH = "/platform/v1/events";
    static final String ROWS_PATH = "/platform/v1/db/orders";
    static final String CONTACTS_PATH = "/platform/v1/whatsapp/contacts";
    static final long T0 = 1_760_000_000L;

    /** What the route saw of one exchange. */
    record Received(String id, Map<String, Object> body, int batchIndex, int batchSize, boolean batchComplete,
                    Map<String, Object> headers) {
    }

    final GrowingList messages = new GrowingList("timestamp");
    final GrowingList broadcasts = new GrowingList("created_at");
    final GrowingList events = new GrowingList("occurred_at");
    final GrowingList rows = new GrowingList("created_at");
    final GrowingList contacts = new GrowingList("created_at");
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<CamelContext> contexts = new ArrayList<>();
    volatile Function<RecordedRequest, StubResponse> fault = r -> null;

    KapsoStubServer stub;
    CamelContext context;

    @BeforeEach
    void startStub() throws Exception {
        stub = new KapsoStubServer();
        stub.respond(this::answer);
    }

    @AfterEach
    void stopAll() {
        contexts.forEach(CamelContext::stop);
        stub.close();
    }

    private StubResponse answer(RecordedRequest r) {
        StubResponse injected = fault.apply(r);
        if (injected != null) {
            return injected;
        }
        Map<String, String> q = r.query();
        switch (r.rawPath()) {
            case MESSAGES_PATH:
                return messages.graphCursorPage(r, stub.baseUrl() + MESSAGES_PATH,
                        m -> !q.containsKey("since")
                             || !Instant.ofEpochSecond(m.path("timestamp").asLong()).isBefore(Instant.parse(q.get("since"))));
            case BROADCASTS_PATH:
                return broadcasts.platformPage(r, b -> !q.containsKey("created_after")
                                                      || b.path("created_at").asText().compareTo(q.get("created_after")) > 0);
            case EVENTS_PATH:
                return events.platformCursorPage(r, e -> !q.containsKey("occurred_after")
                                                         || e.path("occurred_at").asText().compareTo(q.get("occurred_after")) >= 0);
            case ROWS_PATH:
                return rows.rows(r);
            case CONTACTS_PATH:
                if (q.containsKey("per_page") && !q.containsKey("limit")) {
                    return StubResponse.json(400, "{\"error\":\"legacy pages are not served by this stub\"}");
                }
                return contacts.platformCursorPage(r, c -> !q.containsKey("created_after")
                                                           || c.path("created_at").asText().compareTo(q.get("created_after")) > 0);
            default:
                return StubResponse.json(404, "{\"error\":\"Not found\"}");
        }
    }

    /** A context whose kapso component talks to the stub, running {@code from(uri)} into the collector as route "poll". */
    CamelContext startContext(String uri, Map<String, Object> beans, Processor extraStep) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        beans.forEach((name, bean) -> ctx.getRegistry().bind(name, bean));
        KapsoComponent kapso = new KapsoComponent();
        kapso.getConfiguration().setApiKey(API_KEY);
        kapso.getConfiguration().setBaseUrl(stub.baseUrl());
        kapso.getConfiguration().setRetryDelay(10);
        ctx.addComponent("kapso", kapso);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll")
                        .process(PollingTestBase.this::collect)
                        .process(extraStep != null ? extraStep : e -> {
                        });
            }
        });
        contexts.add(ctx);
        ctx.start();
        context = ctx;
        return ctx;
    }

    CamelContext startContext(String uri) throws Exception {
        return startContext(uri, Map.of(), null);
    }

    @SuppressWarnings("unchecked")
    private void collect(Exchange exchange) {
        received.add(new Received(exchange.getMessage().getHeader("CamelKapsoItemId", String.class),
                exchange.getMessage().getBody(Map.class),
                exchange.getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class),
                exchange.getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class),
                exchange.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class),
                Map.copyOf(exchange.getMessage().getHeaders())));
    }

    List<String> receivedIds() {
        return received.stream().map(Received::id).toList();
    }

    /** The batches (polls that emitted something) in the order they came, as lists of ids. */
    List<List<String>> batches() {
        List<List<String>> out = new ArrayList<>();
        for (Received r : received) {
            if (r.batchIndex() == 0) {
                out.add(new ArrayList<>());
            }
            out.get(out.size() - 1).add(r.id());
        }
        return out;
    }

    List<RecordedRequest> requestsTo(String path) {
        return stub.requests().stream().filter(r -> r.rawPath().equals(path)).toList();
    }

    /** Waits until the consumer has polled {@code path} {@code polls} more times (a poll reads at least one page). */
    void awaitMorePolls(String path, int polls) {
        long firstPages = firstPages(path);
        await().atMost(Duration.ofSeconds(10)).until(() -> firstPages(path) >= firstPages + polls);
    }

    private long firstPages(String path) {
        return requestsTo(path).stream().filter(r -> {
            Map<String, String> q = r.query();
            return !q.containsKey("after") && "0".equals(q.getOrDefault("offset", "0")) && "1".equals(q.getOrDefault("page", "1"));
        }).count();
    }

    void awaitReceived(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= count);
    }

    /** A message whose WhatsApp timestamp is {@code T0 + second}, as the Meta proxy lists it. */
    static ObjectNode message(String id, int second) {
        return GrowingList.item(id, "timestamp", String.valueOf(T0 + second)).put("type", "text");
    }

    static ObjectNode createdAt(String id, int second) {
        return GrowingList.item(id, "created_at", Instant.ofEpochSecond(T0 + second).toString());
    }

    void addMessages(Object... idsAndSeconds) {
        for (int i = 0; i < idsAndSeconds.length; i += 2) {
            messages.add(message((String) idsAndSeconds[i], (Integer) idsAndSeconds[i + 1]));
        }
    }
}
