package io.github.camelkapso.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.catalog.KapsoCatalog;
import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.support.KapsoStubServer;
import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client used on its own, without Camel: what a connector or a test harness would write. */
class KapsoClientTest {

    private static final KapsoCatalog CATALOG = KapsoCatalog.get();

    private KapsoStubServer stub;
    private KapsoClient client;
    private KapsoCallStats stats;

    @BeforeEach
    void start() throws Exception {
        stub = new KapsoStubServer();
        stats = new KapsoCallStats();
        KapsoClientSettings settings = new KapsoClientSettings(stub.baseUrl(), "v24.0", "key-123", Duration.ofSeconds(5), 2,
                Duration.ofMillis(10), Duration.ofMillis(50), 0);
        client = new KapsoClient(settings, HttpClient.newHttpClient(), new SendThrottle(), stats, KapsoJson.newMapper());
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void sendsARequestBuiltFromTheCatalogAndReadsTheAnswer() throws Exception {
        stub.respond(r -> StubResponse.json(200, "{\"messages\":[{\"id\":\"wamid.1\"}]}"));
        KapsoRequest request = KapsoRequest.to(CATALOG.require("sendMessage"))
                .pathParam("phone_number_id", "10 65/x")
                .body(new EncodedBody("{\"to\":\"1555\"}".getBytes(), EncodedBody.JSON))
                .build();

        KapsoResponse response = client.call(request).join();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("messages").path(0).path("id").asText()).isEqualTo("wamid.1");
        RecordedRequest sent = stub.lastRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.rawPath()).isEqualTo("/meta/whatsapp/v24.0/10%2065%2Fx/messages");
        assertThat(sent.header("X-API-Key")).isEqualTo("key-123");
        assertThat(sent.bodyText()).isEqualTo("{\"to\":\"1555\"}");
        assertThat(stats.calls()).isEqualTo(1);
    }

    @Test
    void pagesFollowsCursorsToTheLastPage() {
        stub.respond(r -> {
            String after = r.query().get("after");
            if (after == null) {
                return StubResponse.json(200, "{\"data\":[{\"id\":\"b1\"},{\"id\":\"b2\"}],\"paging\":{\"cursors\":{\"after\":\"c2\"}}}");
            }
            return StubResponse.json(200, "{\"data\":[{\"id\":\"b3\"}],\"paging\":{\"cursors\":{}}}");
        });
        KapsoRequest list = KapsoRequest.to(CATALOG.require("listMessages")).pathParam("phone_number_id", "1065").build();

        KapsoPages pages = client.pages(list, 10).join();

        assertThat(pages.items()).extracting(n -> n.path("id").asText()).containsExactly("b1", "b2", "b3");
        assertThat(pages.pages()).isEqualTo(2);
        assertThat(pages.truncated()).isFalse();
        assertThat(stub.requests()).extracting(r -> r.query().get("after")).containsExactly(null, "c2");
    }

    @Test
    void onePageAtATimeHandsBackTheNextRequest() {
        stub.respond(r -> StubResponse.json(200, "{\"data\":[{\"id\":\"x\"}],\"paging\":{\"cursors\":{\"after\":\"same\"}}}"));
        KapsoRequest list = KapsoRequest.to(CATALOG.require("listMessages")).pathParam("phone_number_id", "1065").build();

        KapsoPage first = client.page(client.firstPage(list)).join();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.next()).isPresent();
        assertThat(first.next().get().query()).containsEntry("after", "same");
        // Kapso handing back the same cursor again stops the walk instead of looping
        assertThatThrownBy(() -> client.page(first.next().get()).join())
                .isInstanceOf(CompletionException.class)
                .satisfies(e -> assertThat(KapsoClient.causeOf(e)).hasMessageContaining("handed back cursor same twice"));
    }

    @Test
    void errorAnswersFailWithTypedExceptionsAndTheKeyMasked() {
        stub.respond(r -> StubResponse.json(401, "{\"error\":{\"message\":\"bad key key-123\",\"code\":190}}"));
        KapsoRequest request = KapsoRequest.to(CATALOG.require("listMessages")).pathParam("phone_number_id", "1065").build();

        assertThatThrownBy(() -> client.call(request).join())
                .satisfies(e -> {
                    Throwable cause = KapsoClient.causeOf(e);
                    assertThat(cause).isInstanceOf(KapsoApiException.class);
                    assertThat(((KapsoApiException) cause).getHttpStatus()).isEqualTo(401);
                    assertThat(cause.getMessage()).doesNotContain("key-123");
                });
        assertThat(stats.credentialsRejected()).isTrue();
    }

    @Test
    void aMissingPathParameterFailsBeforeAnyIo() {
        assertThatThrownBy(() -> KapsoRequest.to(CATALOG.require("listMessages")).build())
                .hasMessage("Missing path parameter 'phone_number_id' for Kapso operation listMessages");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void settingsNeverShowTheKey() {
        assertThat(client.settings().toString()).doesNotContain("key-123").contains("apiKey=xxxxxx");
    }

    @Test
    void retriedServerErrorsOfIdempotentCallsSucceed() {
        int[] seen = {0};
        stub.respond(r -> ++seen[0] == 1 ? StubResponse.json(503, "{}") : StubResponse.json(200, "{\"data\":[]}"));
        KapsoRequest request = KapsoRequest.to(CATALOG.require("listMessages")).pathParam("phone_number_id", "1065").build();

        KapsoResponse response = client.call(request).join();

        assertThat(response.attempts()).isEqualTo(2);
        List<JsonNode> items = response.items();
        assertThat(items).isEmpty();
    }
}
