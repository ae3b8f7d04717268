package io.github.camelkapso.message;

import java.util.List;
import java.util.Map;

import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code fields=kapso(...)} selector, as an endpoint option and as a header, on the query Kapso receives. */
class KapsoFieldsTest extends KapsoProducerTestBase {

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:withMediaFields")
                        .to("kapso:listMessages?phoneNumberId=1065&fields=" + KapsoFields.of("direction", "media_url", "direction"));
                from("direct:list").to("kapso:listMessages?phoneNumberId=1065");
            }
        };
    }

    @BeforeEach
    void answerAnEmptyPage() {
        stub.respond(r -> StubResponse.json(200, "{\"data\":[],\"paging\":{\"cursors\":{}}}"));
    }

    @Test
    void selectorsReadAsKapsoDocumentsThem() {
        assertThat(KapsoFields.of("direction", "status")).isEqualTo("kapso(direction,status)");
        assertThat(KapsoFields.of(List.of("contact_name"))).isEqualTo("kapso(contact_name)");
        assertThat(KapsoFields.all()).isEqualTo("kapso(*)");
        assertThat(KapsoFields.none()).isEqualTo("kapso()");
    }

    @Test
    void asAnEndpointOptionTheSelectorReachesKapsoUnchanged() {
        Exchange result = template.send("direct:withMediaFields", ex -> { });

        assertThat(result.getException()).isNull();
        assertThat(stub.lastRequest().rawPath()).isEqualTo("/meta/whatsapp/v24.0/1065/messages");
        assertThat(stub.lastRequest().query()).containsEntry("fields", "kapso(direction,media_url)");
    }

    @Test
    void asAHeaderTheSelectorReachesKapsoUnchanged() {
        Exchange result = send("direct:list", null, Map.of("CamelKapsoFields", KapsoFields.all()));

        assertThat(result.getException()).isNull();
        assertThat(stub.lastRequest().query()).containsEntry("fields", "kapso(*)");
    }

    @Test
    void badFieldNamesFailNamingTheRule() {
        assertThatThrownBy(KapsoFields::of).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name at least one Kapso field, or use KapsoFields.all()");
        assertThatThrownBy(() -> KapsoFields.of("direction,status")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a Kapso field name is letters, digits and underscores").hasMessageContaining("\"direction,status\"");
        assertThatThrownBy(() -> KapsoFields.of("kapso(direction)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields:");
        assertThatThrownBy(() -> KapsoFields.of("direction", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got null");
    }
}
