package io.github.camelkapso.producer;

import java.util.Map;

import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.KapsoStubServer;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A redirect is an error, never followed: following it would hand the API key to the host the 3xx names. */
class RedirectTest extends KapsoProducerTestBase {

    @Test
    void redirectIsNotFollowedAndTheKeyStaysHome() throws Exception {
        try (KapsoStubServer elsewhere = new KapsoStubServer()) {
            stub.respond(r -> StubResponse.empty(302).withHeader("Location", elsewhere.baseUrl() + r.rawPath()));

            Exchange result = send("kapso:listTemplates", null, Map.of("CamelKapsoBusinessAccountId", "123"));

            assertThat(result.getException()).isInstanceOf(KapsoApiException.class);
            assertThat(((KapsoApiException) result.getException()).getHttpStatus()).isEqualTo(302);
            assertThat(elsewhere.requests()).isEmpty();
            assertThat(stub.requests()).hasSize(1);
        }
    }
}
