package io.github.camelkapso;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.error.KapsoRequestException;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes on the wire for each kind of body a route can hold, the wrapper key, the preflight checks that fail before
 * any request, and the multipart and binary operations.
 */
class RequestBodyTest extends KapsoProducerTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PN = "1555000";

    @TempDir
    Path tmp;

    /** A POJO body, as a route might build it. */
    public static class TextMessage {
        public String messaging_product = "whatsapp";
        public String to = "15551234567";
        public String type = "text";
        public Map<String, Object> text = Map.of("body", "héllo ✓");
    }

    /** A POJO with getters, for the wrapped customer body. */
    public static class Customer {
        private final String name;

        Customer(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }

        public String getExternal_customer_id() {
            return "ext-1";
        }
    }

    @Override
    protected void configure(KapsoComponent component) {
        component.getConfiguration().setPhoneNumberId(PN);
    }

    // ---------------------------------------------------------------- JSON bodies

    @Test
    void mapPojoJsonNodeJsonTextAndBytesAllSendTheSameJson() throws Exception {
        stub.respond(r -> StubResponse.json(200, "{\"messages\":[{\"id\":\"wamid.1\"}]}"));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("messaging_product", "whatsapp");
        map.put("to", "15551234567");
        map.put("type", "text");
        map.put("text", Map.of("body", "héllo ✓"));
        String text = MAPPER.writeValueAsString(map);
        JsonNode expected = MAPPER.readTree(text);

        List<Object> bodies = List.of(map, new TextMessage(), MAPPER.readTree(text), text, text.getBytes(StandardCharsets.UTF_8));
        for (Object body : bodies) {
            stub.reset();
            Exchange result = send("kapso:sendMessage", body);
            assertThat(result.getException()).as("body %s", body.getClass()).isNull();
            RecordedRequest r = stub.lastRequest();
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.json()).as("wire JSON of a %s body", body.getClass().getSimpleName()).isEqualTo(expected);
            assertThat(result.getMessage().getHeader(KapsoConstants.MESSAGE_ID)).isEqualTo("wamid.1");
        }
    }

    @Test
    void jsonFromAFileBodyIsSentAsTheFileContent() throws Exception {
        stub.respond(r -> StubResponse.json(200, "{\"messages\":[{\"id\":\"wamid.2\"}]}"));
        String json = "{\"messaging_product\":\"whatsapp\",\"to\":\"15551234567\",\"type\":\"text\",\"text\":{\"body\":\"from a file ✓\"}}";
        Path path = Files.write(tmp.resolve("message.json"), json.getBytes(StandardCharsets.UTF_8));

        for (Object body : List.of(path.toFile(), path, new StringBuilder(json), Files.newInputStream(path))) {
            stub.reset();
            Exchange result = send("kapso:sendMessage", body);
            assertThat(result.getException()).as("body %s", body.getClass()).isNull();
            assertThat(stub.lastRequest().json()).as("wire JSON of a %s body", body.getClass().getSimpleName())
                    .isEqualTo(MAPPER.readTree(json));
        }
    }

    @Test
    void wrapperKeyIsAddedWhenAbsentWhateverTheBodyKind() throws Exception {
        stub.respond(r -> StubResponse.json(201, "{\"data\":{\"id\":\"cus_1\"}}"));
        JsonNode expected = MAPPER.readTree("{\"customer\":{\"name\":\"Acme\",\"external_customer_id\":\"ext-1\"}}");
        String text = "{\"name\":\"Acme\",\"external_customer_id\":\"ext-1\"}";

        List<Object> bodies = List.of(Map.of("name", "Acme", "external_customer_id", "ext-1"), new Customer("Acme"),
                MAPPER.readTree(text), text);
        for (Object body : bodies) {
            stub.reset();
            Exchange result = send("kapso:createCustomer", body);
            assertThat(result.getException()).isNull();
            assertThat(stub.lastRequest().json()).as("wire JSON of a %s body", body.getClass().getSimpleName())
                    .isEqualTo(expected);
        }
    }

    @Test
    void wrapperKeyIsNotDoubledWhenTheBodyAlreadyHasIt() throws Exception {
        stub.respond(r -> StubResponse.json(201, "{\"data\":{\"id\":\"cus_1\"}}"));
        String text = "{\"customer\":{\"name\":\"Acme\"}}";
        JsonNode expected = MAPPER.readTree(text);

        for (Object body : List.of(Map.of("customer", Map.of("name", "Acme")), MAPPER.readTree(text), text)) {
            stub.reset();
            send("kapso:createCustomer", body);
            assertThat(stub.lastRequest().json()).isEqualTo(expected);
        }
    }

    @Test
    void anEmptyStreamBodyIsAnEmptyObject() {
        stub.respond(r -> StubResponse.json(201, "{\"data\":{\"id\":\"cus_1\"}}"));

        send("kapso:createCustomer", new java.io.ByteArrayInputStream(new byte[0]));

        assertThat(stub.lastRequest().bodyText()).isEqualTo("{\"customer\":{}}");
    }

    @Test
    void invalidJsonTextFailsNamingTheOperationAndSendsNothing() {
        for (String bad : List.of("{\"name\": \"Acme\"", "name=Acme", "{\"name\":\"Acme\"} {\"name\":\"Other\"}",
                "{\"name\":\"Acme\"} trailing")) {
            Exchange result = send("kapso:createCustomer", bad);
            assertThat(result.getException()).as("body %s", bad).isInstanceOf(KapsoRequestException.class)
                    .hasMessageContaining("createCustomer");
        }
        assertThat(stub.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- preflight

    @Test
    void moreThanOneThousandRecipientsFailBeforeAnyRequest() {
        Exchange result = send("kapso:addBroadcastRecipients", Map.of("recipients", recipients(1001)),
                Map.of("CamelKapsoBroadcastId", "b1"));

        assertThat(result.getException()).isInstanceOf(KapsoRequestException.class).hasMessageContaining("1000")
                .hasMessageContaining("1001");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void exactlyOneThousandRecipientsGoOutWrapped() {
        stub.respond(r -> StubResponse.json(201, "{\"data\":{\"added\":1000}}"));

        Exchange result = send("kapso:addBroadcastRecipients", Map.of("recipients", recipients(1000)),
                Map.of("CamelKapsoBroadcastId", "b1"));

        assertThat(result.getException()).isNull();
        RecordedRequest r = stub.lastRequest();
        assertThat(r.rawPath()).isEqualTo("/platform/v1/whatsapp/broadcasts/b1/recipients");
        assertThat(r.json().path("whatsapp_broadcast").path("recipients").size()).isEqualTo(1000);
    }

    @Test
    void scheduleInThePastFailsBeforeAnyRequest() {
        for (String at : List.of(OffsetDateTime.now().minusHours(1).toString(), "tomorrow at nine")) {
            Exchange result = send("kapso:scheduleBroadcast", Map.of("scheduled_at", at), Map.of("CamelKapsoBroadcastId", "b1"));
            assertThat(result.getException()).as("scheduled_at %s", at).isInstanceOf(KapsoRequestException.class)
                    .hasMessageContaining("scheduled_at");
        }
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void scheduleInTheFutureIsSentUnwrapped() {
        stub.respond(r -> StubResponse.json(202, "{\"data\":{\"status\":\"scheduled\"}}"));
        String at = OffsetDateTime.now().plusDays(2).withNano(0).toString();

        Exchange result = send("kapso:scheduleBroadcast", Map.of("scheduled_at", at), Map.of("CamelKapsoBroadcastId", "b1"));

        assertThat(result.getException()).isNull();
        assertThat(stub.lastRequest().json().path("scheduled_at").asText()).isEqualTo(at);
    }

    // ---------------------------------------------------------------- multipart

    @Test
    void uploadMediaSendsExactBinaryBytesAsMultipart() {
        stub.respond(r -> StubResponse.json(200, "{\"id\":\"media-1\"}"));
        byte[] bytes = allByteValues();

        Exchange result = send("kapso:uploadMedia", bytes,
                Map.of(KapsoConstants.FILE_NAME, "photo.jpg", KapsoConstants.MEDIA_TYPE, "image/jpeg"));

        assertThat(result.getException()).isNull();
        RecordedRequest r = stub.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.rawPath()).isEqualTo("/meta/whatsapp/v24.0/" + PN + "/media");
        List<Part> parts = Part.parse(r);
        assertThat(parts).extracting(Part::name).containsExactly("messaging_product", "type", "file");
        assertThat(parts.get(0).text()).isEqualTo("whatsapp");
        assertThat(parts.get(1).text()).isEqualTo("image/jpeg");
        Part file = parts.get(2);
        assertThat(file.filename()).isEqualTo("photo.jpg");
        assertThat(file.header("content-type")).isEqualTo("image/jpeg");
        assertThat(file.content()).isEqualTo(bytes);
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("id", "media-1");
    }

    @Test
    void uploadMediaTakesFileNameAndTypeFromAFileBody() throws Exception {
        stub.respond(r -> StubResponse.json(200, "{\"id\":\"media-2\"}"));
        byte[] bytes = allByteValues();
        File file = Files.write(tmp.resolve("cat picture.jpg"), bytes).toFile();

        Exchange result = send("kapso:uploadMedia", file);

        assertThat(result.getException()).isNull();
        List<Part> parts = Part.parse(stub.lastRequest());
        assertThat(parts.get(0).text()).isEqualTo("whatsapp");
        assertThat(parts.get(1).text()).isEqualTo("image/jpeg");
        assertThat(parts.get(2).filename()).isEqualTo("cat picture.jpg");
        assertThat(parts.get(2).content()).isEqualTo(bytes);
    }

    @Test
    void uploadMediaHeaderFileNameWinsOverTheFileName() throws Exception {
        stub.respond(r -> StubResponse.json(200, "{\"id\":\"media-3\"}"));
        File file = Files.write(tmp.resolve("scan.bin"), allByteValues()).toFile();

        send("kapso:uploadMedia", file, Map.of(KapsoConstants.FILE_NAME, "invoice.pdf"));

        List<Part> parts = Part.parse(stub.lastRequest());
        assertThat(parts.get(1).text()).isEqualTo("application/pdf");
        assertThat(parts.get(2).filename()).isEqualTo("invoice.pdf");
    }

    @Test
    void uploadMediaWithoutAnyMediaTypeFailsBeforeAnyRequest() {
        Exchange result = send("kapso:uploadMedia", allByteValues(), Map.of(KapsoConstants.FILE_NAME, "blob"));

        assertThat(result.getException()).isInstanceOf(KapsoRequestException.class)
                .hasMessageContaining(KapsoConstants.MEDIA_TYPE);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void uploadFlowJsonSendsTheFlowAsTheFlowJsonAsset() throws Exception {
        stub.respond(r -> StubResponse.json(200, "{\"success\":true,\"validation_errors\":[]}"));
        Map<String, Object> flow = Map.of("version", "7.0",
                "screens", List.of(Map.of("id", "WELCOME", "title", "Hola ñ", "layout",
                        Map.of("type", "SingleColumnLayout", "children", List.of()))));

        Exchange result = send("kapso:uploadFlowJson", flow, Map.of("CamelKapsoFlowId", "flow-9"));

        assertThat(result.getException()).isNull();
        RecordedRequest r = stub.lastRequest();
        assertThat(r.rawPath()).isEqualTo("/meta/whatsapp/v24.0/flow-9/assets");
        List<Part> parts = Part.parse(r);
        assertThat(parts).extracting(Part::name).containsExactly("name", "asset_type", "file");
        assertThat(parts.get(0).text()).isEqualTo("flow.json");
        assertThat(parts.get(1).text()).isEqualTo("FLOW_JSON");
        assertThat(parts.get(2).filename()).isEqualTo("flow.json");
        assertThat(parts.get(2).header("content-type")).startsWith("application/json");
        assertThat(MAPPER.readTree(parts.get(2).content())).isEqualTo(MAPPER.valueToTree(flow));
    }

    @Test
    void uploadFlowJsonReadsAFlowJsonFile() throws Exception {
        stub.respond(r -> StubResponse.json(200, "{\"success\":true,\"validation_errors\":[]}"));
        String json = "{\"version\":\"7.0\",\"screens\":[{\"id\":\"WELCOME\",\"title\":\"Olá\"}]}";
        Path path = Files.write(tmp.resolve("flow.json"), json.getBytes(StandardCharsets.UTF_8));

        Exchange result = send("kapso:uploadFlowJson", path.toFile(), Map.of("CamelKapsoFlowId", "flow-9"));

        assertThat(result.getException()).isNull();
        assertThat(MAPPER.readTree(Part.parse(stub.lastRequest()).get(2).content())).isEqualTo(MAPPER.readTree(json));
    }

    @Test
    void uploadFlowJsonWithoutScreensFailsBeforeAnyRequest() {
        Exchange result = send("kapso:uploadFlowJson", "{\"version\":\"7.0\"}", Map.of("CamelKapsoFlowId", "flow-9"));

        assertThat(result.getException()).isInstanceOf(KapsoRequestException.class).hasMessageContaining("screens");
        assertThat(stub.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- binary download

    @Test
    void downloadMediaReturnsTheExactBytesAndContentType() {
        byte[] bytes = allByteValues();
        stub.respond(r -> new StubResponse(200, Map.of("Content-Type", "image/jpeg"), bytes));

        Exchange result = send("kapso:downloadMedia", null,
                Map.of("CamelKapsoToken", "tok+/=", Exchange.CONTENT_TYPE, "application/json"));

        assertThat(result.getException()).isNull();
        RecordedRequest r = stub.lastRequest();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.rawPath()).isEqualTo("/meta/whatsapp/media_download");
        assertThat(r.query()).containsExactly(Map.entry("token", "tok+/="));
        assertThat(result.getMessage().getBody()).isInstanceOf(byte[].class);
        assertThat(result.getMessage().getBody(byte[].class)).isEqualTo(bytes);
        assertThat(result.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/jpeg");
    }

    @Test
    void downloadMediaWithoutTokenFailsBeforeAnyRequest() {
        Exchange result = send("kapso:downloadMedia", null);

        assertThat(result.getException()).isInstanceOf(KapsoRequestException.class).hasMessageContaining("token");
        assertThat(stub.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] allByteValues() {
        byte[] bytes = new byte[256 * 3];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 256);
        }
        // a CRLF and a dash run inside the content, where a sloppy multipart writer or parser would split
        bytes[300] = '\r';
        bytes[301] = '\n';
        bytes[302] = '-';
        bytes[303] = '-';
        return bytes;
    }

    private static List<Map<String, String>> recipients(int n) {
        List<Map<String, String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Map.of("phone_number", String.format("1555%07d", i)));
        }
        return out;
    }

    /** One part of a multipart/form-data body, parsed by boundary from the raw bytes the stub received. */
    record Part(Map<String, String> headers, String name, String filename, byte[] content) {

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name);
        }

        static List<Part> parse(RecordedRequest r) {
            String contentType = r.header("Content-Type");
            assertThat(contentType).startsWith("multipart/form-data");
            String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
            if (boundary.startsWith("\"")) {
                boundary = boundary.substring(1, boundary.length() - 1);
            }
            // ISO-8859-1 maps every byte to one char and back, so binary content survives the string search
            String body = new String(r.body(), StandardCharsets.ISO_8859_1);
            String dash = "--" + boundary;
            String delimiter = "\r\n" + dash;
            assertThat(body).startsWith(dash + "\r\n");
            List<Part> parts = new ArrayList<>();
            int pos = dash.length() + 2;
            while (true) {
                int headersEnd = body.indexOf("\r\n\r\n", pos);
                assertThat(headersEnd).as("end of part headers").isPositive();
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line : body.substring(pos, headersEnd).split("\r\n")) {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
                int end = body.indexOf(delimiter, headersEnd + 4);
                assertThat(end).as("closing delimiter").isPositive();
                byte[] content = body.substring(headersEnd + 4, end).getBytes(StandardCharsets.ISO_8859_1);
                String disposition = headers.get("content-disposition");
                parts.add(new Part(headers, param(disposition, "name"), param(disposition, "filename"), content));
                pos = end + delimiter.length();
                if (body.startsWith("--", pos)) {
                    assertThat(body.substring(pos)).isEqualTo("--\r\n");
                    return parts;
                }
                assertThat(body.startsWith("\r\n", pos)).as("CRLF after delimiter").isTrue();
                pos += 2;
            }
        }

        private static String param(String disposition, String name) {
            String key = "; " + name + "=\"";
            int at = disposition.indexOf(key);
            if (at < 0) {
                return null;
            }
            int start = at + key.length();
            return new String(disposition.substring(start, disposition.indexOf('"', start)).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
        }
    }
}
