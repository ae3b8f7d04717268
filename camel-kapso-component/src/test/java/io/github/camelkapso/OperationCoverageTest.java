package io.github.camelkapso;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.catalog.HeaderParam;
import io.github.camelkapso.catalog.KapsoCatalog;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.catalog.QueryParam;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends one exchange through {@code kapso:<id>} for every catalog operation and checks what reached the wire: method,
 * encoded path, query, body (wrapper included) and X-API-Key.
 */
class OperationCoverageTest extends KapsoProducerTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final String ID_VALUE_SUFFIX = "-a b/é";

    @TestFactory
    Stream<DynamicTest> everyOperationReachesTheWireAsDeclared() {
        return KapsoCatalog.get().operations().stream()
                .map(op -> DynamicTest.dynamicTest(op.id(), () -> exercise(op)));
    }

    @AfterAll
    static void report() {
        System.out.println("Operation coverage: " + PASSED.get() + "/" + KapsoCatalog.get().size()
                           + " catalog operations verified on the wire");
    }

    private void exercise(KapsoOperation op) throws Exception {
        stub.reset();
        stub.respond(r -> op.envelope() == KapsoOperation.Envelope.BINARY
                ? new StubResponse(200, Map.of("Content-Type", "image/png"), new byte[] { 1, 2, 3 })
                : op.successStatus() == 204 ? StubResponse.empty(204) : StubResponse.json(op.successStatus(), "{\"ok\":true}"));

        Map<String, Object> headers = new HashMap<>();
        String expectedPath = expectedBase(op) + op.path();
        for (String p : op.pathParams()) {
            String value = p + ID_VALUE_SUFFIX;
            headers.put(ParameterNames.headerName(p), value);
            expectedPath = expectedPath.replace("{" + p + "}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        Map<String, String> expectedQuery = new LinkedHashMap<>();
        for (QueryParam q : op.queryParams()) {
            String value = sampleValue(q);
            headers.put(ParameterNames.headerName(q.name()), value);
            expectedQuery.put(q.name(), value);
        }
        if (op.filters()) {
            headers.put(KapsoConstants.QUERY_PARAMETERS, Map.of("status", "eq.active"));
            expectedQuery.put("status", "eq.active");
        }
        for (HeaderParam h : op.headerParams()) {
            headers.put(h.name(), "hdr-" + op.id());
        }
        Object body = sampleBody(op);
        if (op.id().equals("uploadMedia")) {
            headers.put(KapsoConstants.FILE_NAME, "photo.png");
        }

        Exchange result = send("kapso:" + op.id(), body, headers);

        assertThat(result.getException()).as("exception of %s", op.id()).isNull();
        assertThat(stub.requests()).as("requests of %s", op.id()).hasSize(1);
        RecordedRequest r = stub.lastRequest();
        assertThat(r.method()).isEqualTo(op.method());
        assertThat(r.rawPath()).isEqualTo(expectedPath);
        assertThat(r.query()).isEqualTo(expectedQuery);
        assertThat(r.header("X-API-Key")).isEqualTo(API_KEY);
        for (HeaderParam h : op.headerParams()) {
            assertThat(r.header(h.name())).isEqualTo("hdr-" + op.id());
        }
        assertBody(op, r);
        assertThat(result.getMessage().getHeader(KapsoConstants.HTTP_STATUS)).isEqualTo(op.successStatus());
        if (op.envelope() == KapsoOperation.Envelope.BINARY) {
            assertThat(result.getMessage().getBody(byte[].class)).containsExactly(1, 2, 3);
        } else if (op.successStatus() != 204) {
            assertThat(result.getMessage().getBody(Map.class)).containsEntry("ok", true);
        }
        PASSED.incrementAndGet();
    }

    private void assertBody(KapsoOperation op, RecordedRequest r) throws Exception {
        switch (op.body()) {
            case NONE:
                assertThat(r.body()).as("body of %s", op.id()).isEmpty();
                break;
            case MULTIPART:
                assertThat(r.header("Content-Type")).startsWith("multipart/form-data; boundary=");
                if (op.id().equals("uploadMedia")) {
                    assertThat(r.bodyText()).contains("name=\"messaging_product\"\r\n\r\nwhatsapp")
                            .contains("filename=\"photo.png\"").contains("Content-Type: image/png");
                } else {
                    assertThat(r.bodyText()).contains("name=\"asset_type\"\r\n\r\nFLOW_JSON").contains("\"screens\"");
                }
                break;
            default:
                assertThat(r.header("Content-Type")).isEqualTo("application/json");
                JsonNode sent = r.json();
                JsonNode expected = MAPPER.valueToTree(sampleBody(op));
                if (op.hasWrapper()) {
                    assertThat(sent.fieldNames()).toIterable().containsExactly(op.wrapper());
                    assertThat(sent.get(op.wrapper())).isEqualTo(expected);
                } else {
                    assertThat(sent).isEqualTo(expected);
                }
        }
    }

    /** One instant for the whole run: the sample is built twice (sent, then expected) and must not cross a second. */
    private static final String TOMORROW = OffsetDateTime.now().plusDays(1).withNano(0).toString();

    private static Object sampleBody(KapsoOperation op) {
        switch (op.id()) {
            case "uploadMedia":
                return new byte[] { (byte) 0x89, 'P', 'N', 'G' };
            case "uploadFlowJson":
                return Map.of("version", "7.0", "screens", List.of());
            case "addBroadcastRecipients":
                return Map.of("recipients", List.of(Map.of("phone_number", "15551234567")));
            case "scheduleBroadcast":
                return Map.of("scheduled_at", TOMORROW);
            default:
                return op.body() == KapsoOperation.BodyKind.NONE ? null : Map.of("probe", op.id(), "n", 1);
        }
    }

    private static String sampleValue(QueryParam q) {
        switch (q.type()) {
            case "integer":
            case "number":
                return "7";
            case "boolean":
                return "true";
            default:
                return "q " + q.name() + "+&=";
        }
    }

    private static String expectedBase(KapsoOperation op) {
        switch (op.base()) {
            case META:
                return "/meta/whatsapp/v24.0";
            case META_UNVERSIONED:
                return "/meta/whatsapp";
            default:
                return "/platform/v1";
        }
    }

}
