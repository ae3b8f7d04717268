package io.github.camelkapso;

import java.util.Map;

import io.github.camelkapso.error.KapsoRequestException;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where path, query and header parameters come from (message header > endpoint option > component option), the
 * operation override, and the errors for unknown operations, unknown options and missing parameters.
 */
class ParametersTest extends KapsoProducerTestBase {

    private static final String META = "/meta/whatsapp/v24.0";
    private static final Map<String, Object> TEXT = Map.of("messaging_product", "whatsapp", "to", "15551234567", "type", "text",
            "text", Map.of("body", "hi"));

    @Override
    protected void configure(KapsoComponent component) {
        component.getConfiguration().setPhoneNumberId("component-pn");
        component.getConfiguration().setBusinessAccountId("component-waba");
    }

    @BeforeEach
    void answerOk() {
        stub.respond(r -> StubResponse.json(200, "{\"data\":[],\"ok\":true}"));
    }

    // ---------------------------------------------------------------- precedence

    @Test
    void componentPhoneNumberIdIsTheDefault() {
        Exchange result = send("kapso:sendMessage", TEXT);

        assertThat(result.getException()).isNull();
        assertThat(stub.lastRequest().rawPath()).isEqualTo(META + "/component-pn/messages");
    }

    @Test
    void endpointPhoneNumberIdBeatsTheComponent() {
        send("kapso:sendMessage?phoneNumberId=endpoint-pn", TEXT);

        assertThat(stub.lastRequest().rawPath()).isEqualTo(META + "/endpoint-pn/messages");
    }

    @Test
    void headerPhoneNumberIdBeatsTheEndpointAndTheComponent() {
        send("kapso:sendMessage?phoneNumberId=endpoint-pn", TEXT, Map.of(KapsoConstants.PHONE_NUMBER_ID, "header-pn"));

        assertThat(stub.lastRequest().rawPath()).isEqualTo(META + "/header-pn/messages");
    }

    @Test
    void businessAccountIdFollowsTheSamePrecedenceWhateverThePathCallsIt() {
        Map<String, Object> period = Map.of("CamelKapsoStartTime", "2026-01-01", "CamelKapsoEndTime", "2026-01-31");

        send("kapso:listTemplates", null);
        assertThat(stub.lastRequest().rawPath()).isEqualTo(META + "/component-waba/message_templates");
        send("kapso:getWabaUsage", null, period);
        assertThat(stub.lastRequest().rawPath()).isEqualTo("/platform/v1/whatsapp/accounts/component-waba/usage");

        send("kapso:listTemplates?businessAccountId=endpoint-waba", null);
        assertThat(stub.lastRequest().rawPath()).isEqualTo(META + "/endpoint-waba/message_templates");
        send("kapso:getWabaUsage?businessAccountId=endpoint-waba", null, period);
        assertThat(stub.lastRequest().rawPath()).isEqualTo("/platform/v1/whatsapp/accounts/endpoint-waba/usage");

        Map<String, Object> withHeader = new java.util.HashMap<>(period);
        withHeader.put(KapsoConstants.BUSINESS_ACCOUNT_ID, "header-waba");
        send("kapso:listTemplates?businessAccountId=endpoint-waba", null, withHeader);
        assertThat(stub.lastRequest().rawPath()).isEqualTo(META + "/header-waba/message_templates");
        send("kapso:getWabaUsage?businessAccountId=endpoint-waba", null, withHeader);
        assertThat(stub.lastRequest().rawPath()).isEqualTo("/platform/v1/whatsapp/accounts/header-waba/usage");
    }

    @Test
    void perOperationOptionOnTheUriLandsInThePath() {
        send("kapso:getBroadcast?broadcastId=b1", null);

        RecordedRequest r = stub.lastRequest();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.rawPath()).isEqualTo("/platform/v1/whatsapp/broadcasts/b1");
    }

    @Test
    void headerBeatsThePerOperationUriOption() {
        send("kapso:getBroadcast?broadcastId=b1", null, Map.of("CamelKapsoBroadcastId", "b2"));

        assertThat(stub.lastRequest().rawPath()).isEqualTo("/platform/v1/whatsapp/broadcasts/b2");
    }

    @Test
    void perOperationQueryOptionOnTheUriIsSent() {
        send("kapso:listBroadcasts?status=draft&perPage=5", null);

        assertThat(stub.lastRequest().query()).containsEntry("status", "draft").containsEntry("per_page", "5");
    }

    @Test
    void operationHeaderOverridesTheUriOperation() {
        Exchange result = send("kapso:getBroadcast", null, Map.of(KapsoConstants.OPERATION, "listBroadcasts"));

        assertThat(result.getException()).isNull();
        RecordedRequest r = stub.lastRequest();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.rawPath()).isEqualTo("/platform/v1/whatsapp/broadcasts");
        assertThat(result.getMessage().getHeader(KapsoConstants.RESPONSE_OPERATION)).isEqualTo("listBroadcasts");
    }

    @Test
    void unknownOperationHeaderFailsBeforeAnyRequestWithSuggestions() {
        Exchange result = send("kapso:getBroadcast", null, Map.of(KapsoConstants.OPERATION, "listBroadcats"));

        assertThat(result.getException()).hasMessageContaining("listBroadcats").hasMessageContaining("listBroadcasts");
        assertThat(stub.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- endpoint creation errors

    @Test
    void unknownOperationFailsAtEndpointCreationSuggestingTheCloseOne() {
        assertThatThrownBy(() -> context.getEndpoint("kapso:sendMesage"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("sendMesage")
                .hasMessageContaining("sendMessage");
    }

    @Test
    void unknownOptionFailsAtEndpointCreationListingTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("kapso:sendMessage?foo=1"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("foo")
                .hasMessageContaining("phoneNumberId")
                .hasMessageContaining("maxRetries")
                .hasMessageNotContaining("filter")
                .hasMessageNotContaining("due to: Failed to resolve endpoint");
    }

    @Test
    void databaseOperationsListTheFilterPrefixAmongTheirOptions() {
        assertThatThrownBy(() -> context.getEndpoint("kapso:queryRows?table=t&foo=1"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("filter.<column>")
                .hasMessageContaining("table");
    }

    @Test
    void filtersOnAnOperationThatTakesNoneFailAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("kapso:listBroadcasts?filter.status=eq.draft"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("filter.status")
                .hasMessageContaining("queryRows");
    }

    @Test
    void optionOfAnotherOperationIsUnknownHereAndTheOwnOnesAreListed() {
        assertThatThrownBy(() -> context.getEndpoint("kapso:getBroadcast?conversationId=c1"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("conversationId")
                .hasMessageContaining("broadcastId");
    }

    @Test
    void unknownOptionInARouteFailsWhenTheRouteIsAdded() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad").to("kapso:sendMessage?phoneNumberld=typo");
            }
        })).hasStackTraceContaining("phoneNumberld").hasStackTraceContaining("phoneNumberId");
    }

    // ---------------------------------------------------------------- defaults only where they identify

    @Test
    void componentPhoneNumberIdIsNotAnImplicitPlatformListFilter() {
        send("kapso:listBroadcasts", null);

        RecordedRequest r = stub.lastRequest();
        assertThat(r.rawPath()).isEqualTo("/platform/v1/whatsapp/broadcasts");
        assertThat(r.query()).doesNotContainKey("phone_number_id");
    }

    @Test
    void explicitPhoneNumberIdFilterOfAPlatformListIsSent() {
        send("kapso:listBroadcasts", null, Map.of(KapsoConstants.PHONE_NUMBER_ID, "filter-pn"));
        assertThat(stub.lastRequest().query()).containsEntry("phone_number_id", "filter-pn");

        send("kapso:listBroadcasts?phoneNumberId=endpoint-pn", null);
        assertThat(stub.lastRequest().query()).containsEntry("phone_number_id", "endpoint-pn");
    }

    @Test
    void componentPhoneNumberIdFillsTheRequiredQueryParameterOfGetMediaUrl() {
        send("kapso:getMediaUrl", null, Map.of("CamelKapsoMediaId", "media-7"));

        RecordedRequest r = stub.lastRequest();
        assertThat(r.rawPath()).isEqualTo(META + "/media-7");
        assertThat(r.query()).containsEntry("phone_number_id", "component-pn");
    }

    @Test
    void missingRequiredQueryParameterFailsNamingIt() {
        Exchange result = send("kapso:getCallPermissions", null);

        assertThat(result.getException()).isInstanceOf(KapsoRequestException.class)
                .hasMessageContaining("user_wa_id")
                .hasMessageContaining("CamelKapsoUserWaId");
        assertThat(stub.requests()).isEmpty();

        send("kapso:getCallPermissions", null, Map.of("CamelKapsoUserWaId", "15551234567"));
        assertThat(stub.lastRequest().rawPath()).isEqualTo(META + "/component-pn/call_permissions");
        assertThat(stub.lastRequest().query()).containsEntry("user_wa_id", "15551234567");
    }

    @Test
    void missingPathParameterFailsNamingIt() {
        Exchange result = send("kapso:getBroadcast", null);

        assertThat(result.getException()).isInstanceOf(KapsoRequestException.class).hasMessageContaining("broadcast_id")
                .hasMessageContaining("CamelKapsoBroadcastId");
        assertThat(stub.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- header parameters

    @Test
    void idempotencyKeyHeaderParameterIsSentFromTheMessageHeader() {
        stub.respond(r -> StubResponse.json(202, "{\"data\":{\"status\":\"queued\"}}"));

        Exchange result = send("kapso:revokePortfolioFunding", null,
                Map.of("CamelKapsoPortfolioId", "pf-1", "Idempotency-Key", "idem-42"));

        assertThat(result.getException()).isNull();
        RecordedRequest r = stub.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.rawPath()).isEqualTo("/platform/v1/whatsapp/portfolios/pf-1/funding/revoke");
        assertThat(r.header("Idempotency-Key")).isEqualTo("idem-42");
    }

    @Test
    void idempotencyKeyCanAlsoComeFromTheUri() {
        stub.respond(r -> StubResponse.json(202, "{\"data\":{\"status\":\"queued\"}}"));

        send("kapso:revokePortfolioFunding?portfolioId=pf-1&idempotencyKey=idem-uri", null);

        assertThat(stub.lastRequest().header("Idempotency-Key")).isEqualTo("idem-uri");
    }

    @Test
    void missingIdempotencyKeyFailsBeforeAnyRequest() {
        Exchange result = send("kapso:revokePortfolioFunding", null, Map.of("CamelKapsoPortfolioId", "pf-1"));

        assertThat(result.getException()).isInstanceOf(KapsoRequestException.class).hasMessageContaining("Idempotency-Key");
        assertThat(stub.requests()).isEmpty();
    }
}
