package io.github.camelkapso;

import java.util.Map;

import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer headers of one kapso: call that are also parameter headers (CamelKapsoMessageId, CamelKapsoPage) never
 * silently replace an option written on the next endpoint; headers the route sets keep their precedence, and chaining
 * on an answer header without an option still works.
 */
class AnswerHeadersSequenceTest extends KapsoProducerTestBase {

    private static final String META = "/meta/whatsapp/v24.0/pn-1";
    private static final Map<String, Object> TEXT = Map.of("messaging_product", "whatsapp", "to", "15551234567",
            "type", "text", "text", Map.of("body", "hi"));

    @Override
    protected void configure(KapsoComponent component) {
        component.getConfiguration().setPhoneNumberId("pn-1");
    }

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sendThenGetX").to("kapso:sendMessage").to("kapso:getMessage?messageId=wamid.X");
                from("direct:sendThenGetSent").to("kapso:sendMessage").to("kapso:getMessage");
                from("direct:sendThenGetChosen").to("kapso:sendMessage")
                        .setHeader(KapsoConstants.MESSAGE_ID, constant("wamid.CHOSEN"))
                        .to("kapso:getMessage?messageId=wamid.X");
                from("direct:listThenListPage1").to("kapso:listBroadcasts?page=2").to("kapso:listBroadcasts?page=1");
                from("direct:listThenNextPage").to("kapso:listBroadcasts?page=2")
                        .process(e -> e.getMessage().setHeader(KapsoConstants.PAGE,
                                e.getMessage().getHeader(KapsoConstants.PAGE, Integer.class) + 1))
                        .to("kapso:listBroadcasts?page=1");
            }
        };
    }

    @BeforeEach
    void answers() {
        stub.respond(r -> r.rawPath().endsWith("/messages") && "POST".equals(r.method())
                ? StubResponse.json(200, "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.SENT\"}]}")
                : r.rawPath().contains("broadcasts")
                ? StubResponse.json(200, "{\"data\":[],\"meta\":{\"page\":2,\"per_page\":20,\"total_pages\":5,\"total_count\":90}}")
                : StubResponse.json(200, "{\"id\":\"whatever\"}"));
    }

    @Test
    void anOptionOnTheNextEndpointBeatsTheMessageIdOfTheSendBefore() {
        Exchange result = send("direct:sendThenGetX", TEXT);

        assertThat(result.getException()).isNull();
        assertThat(stub.lastRequest().rawPath()).isEqualTo(META + "/messages/wamid.X");
    }

    @Test
    void withoutAnOptionTheNextCallChainsOnTheAnswerHeader() {
        send("direct:sendThenGetSent", TEXT);

        assertThat(stub.lastRequest().rawPath()).isEqualTo(META + "/messages/wamid.SENT");
    }

    @Test
    void aHeaderTheRouteSetKeepsItsPrecedenceOverTheOption() {
        send("direct:sendThenGetChosen", TEXT);

        assertThat(stub.lastRequest().rawPath()).isEqualTo(META + "/messages/wamid.CHOSEN");
    }

    @Test
    void theAnswersPageHeaderDoesNotOverrideTheNextPageOption() {
        send("direct:listThenListPage1", null);

        assertThat(stub.requests()).extracting(r -> r.query().get("page")).containsExactly("2", "1");
    }

    @Test
    void aPageHeaderTheRouteChangedIsUsed() {
        send("direct:listThenNextPage", null);

        assertThat(stub.requests()).extracting(r -> r.query().get("page")).containsExactly("2", "3");
    }
}
