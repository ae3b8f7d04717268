package io.github.camelkapso.producer;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.error.KapsoRequestException;
import io.github.camelkapso.error.KapsoTransportException;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures without an answer, and failures before any request: the exchange always completes, with a typed cause. */
class TransportFailureTest extends KapsoProducerTestBase {

    private static final Map<String, Object> MESSAGE = Map.of("messaging_product", "whatsapp", "to", "15551234567",
            "type", "text", "text", Map.of("body", "hi"));

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseStuckResponders() {
        release.countDown();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String refusedUri(String operation, int port) {
        return "kapso:" + operation + "?phoneNumberId=1065&baseUrl=RAW(http://127.0.0.1:" + port + ")";
    }

    @Test
    void connectionRefusedFailsTheExchangeWithTransportException() throws Exception {
        Exchange result = send(refusedUri("sendMessage", closedPort()), MESSAGE);

        assertThat(result.getException()).isExactlyInstanceOf(KapsoTransportException.class);
        KapsoTransportException e = (KapsoTransportException) result.getException();
        assertThat(e.getOperationId()).isEqualTo("sendMessage");
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(e.getCause()).isInstanceOf(java.net.ConnectException.class);
        assertThat(e.getMessage()).contains("sendMessage", "POST http://127.0.0.1:");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void connectionRefusedCompletesAnAsyncSend() throws Exception {
        String uri = refusedUri("sendMessage", closedPort());

        Future<Exchange> future = template.asyncSend(uri, ex -> ex.getMessage().setBody(MESSAGE));
        Exchange result = future.get(10, TimeUnit.SECONDS);

        assertThat(result.getException()).isExactlyInstanceOf(KapsoTransportException.class);
        assertThat(result.getException().getCause()).isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void connectionRefusedOnAnIdempotentGetIsRetriedThenFails() throws Exception {
        String uri = "kapso:listTemplates?businessAccountId=waba-1&maxRetries=2&baseUrl=RAW(http://127.0.0.1:"
                     + closedPort() + ")";

        Future<Exchange> future = template.asyncSend(uri, ex -> ex.getMessage().setBody(null));
        Exchange result = future.get(10, TimeUnit.SECONDS);

        assertThat(result.getException()).isExactlyInstanceOf(KapsoTransportException.class);
        assertThat(((KapsoTransportException) result.getException()).getAttempts()).isEqualTo(3);
    }

    @Test
    void noAnswerWithinRequestTimeoutIsTransportExceptionCausedByHttpTimeout() {
        stub.respond(r -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return StubResponse.json(200, "{}");
        });

        Exchange result = send("kapso:sendMessage?phoneNumberId=1065&requestTimeout=300", MESSAGE);

        assertThat(result.getException()).isExactlyInstanceOf(KapsoTransportException.class);
        KapsoTransportException e = (KapsoTransportException) result.getException();
        assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void redirectWithoutLocationIsAnApiErrorNotARawJdkException() {
        stub.respond(r -> StubResponse.empty(302));

        Exchange result = send("kapso:sendMessage?phoneNumberId=1065", MESSAGE);

        assertThat(result.getException()).isExactlyInstanceOf(io.github.camelkapso.error.KapsoApiException.class)
                .hasMessageContaining("302");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void missingPathParameterFailsBeforeAnyRequestNamingTheParameter() {
        Exchange result = send("kapso:getBroadcast", null);

        assertThat(result.getException()).isExactlyInstanceOf(KapsoRequestException.class);
        assertThat(result.getException().getMessage()).contains("'broadcast_id'", "CamelKapsoBroadcastId", "getBroadcast");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void requestBuildingFailureCompletesSynchronously() throws Exception {
        Endpoint endpoint = context.getEndpoint("kapso:getBroadcast");
        Producer producer = endpoint.createProducer();
        producer.start();
        try {
            Exchange exchange = new DefaultExchange(context);
            AtomicBoolean called = new AtomicBoolean();
            AtomicReference<Boolean> doneSync = new AtomicReference<>();

            boolean sync = ((AsyncProcessor) producer).process(exchange, d -> {
                called.set(true);
                doneSync.set(d);
            });

            assertThat(sync).isTrue();
            assertThat(called).isTrue();
            assertThat(doneSync.get()).isTrue();
            assertThat(exchange.getException()).isExactlyInstanceOf(KapsoRequestException.class)
                    .hasMessageContaining("broadcast_id").hasMessageContaining("CamelKapsoBroadcastId");
            assertThat(stub.requests()).isEmpty();
        } finally {
            producer.stop();
        }
    }

    @Test
    void unknownOperationInHeaderFailsTheExchangeWithoutARequest() {
        Exchange result = send("kapso:getBroadcast", null, Map.of(KapsoConstants.OPERATION, "noSuchOperation",
                KapsoConstants.HEADER_PREFIX + "BroadcastId", "bc-1"));

        assertThat(result.getException()).isNotNull();
        assertThat(result.getException().getMessage()).contains("noSuchOperation");
        assertThat(stub.requests()).isEmpty();
    }
}
