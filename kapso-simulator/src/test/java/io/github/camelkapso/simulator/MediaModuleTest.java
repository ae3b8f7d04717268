package io.github.camelkapso.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.simulator.ops.meta.DownloadTokens;
import io.github.camelkapso.simulator.ops.meta.MediaLibrary;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaModuleTest extends SimulatorTestBase {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 0, 42};

    private static String upload(byte[] bytes, String fileName) {
        Map<String, Object> answer = ok("uploadMedia", bytes, Map.of("CamelKapsoFileName", fileName));
        assertThat((String) answer.get("id")).matches("\\d{15,}");
        return (String) answer.get("id");
    }

    @Test
    void uploadUrlDownloadRoundTripKeepsTheExactBytes() {
        String id = upload(PNG, "pixel.png");

        Map<String, Object> url = ok("getMediaUrl", null, Map.of("CamelKapsoMediaId", id));
        assertThat(url).containsEntry("messaging_product", "whatsapp").containsEntry("id", id)
                .containsEntry("mime_type", "image/png").containsEntry("file_size", String.valueOf(PNG.length))
                .containsEntry("sha256", sha256(PNG)).containsKey("download_url_expires_at");
        String downloadUrl = (String) url.get("download_url");
        assertThat(downloadUrl).startsWith(simulator.baseUrl() + "/meta/whatsapp/media_download?token=");
        assertThat(url.get("url")).isEqualTo(downloadUrl);

        String token = downloadUrl.substring(downloadUrl.indexOf("token=") + 6);
        Exchange download = call("downloadMedia", null, Map.of("CamelKapsoToken", token));
        assertThat(download.getException()).isNull();
        assertThat(download.getMessage().getBody(byte[].class)).isEqualTo(PNG);
    }

    @Test
    void downloadNeedsNoApiKeyAndAnswersTheStoredContentType() throws Exception {
        String id = upload("hello".getBytes(StandardCharsets.UTF_8), "note.txt");
        String downloadUrl = (String) ok("getMediaUrl", null, Map.of("CamelKapsoMediaId", id)).get("download_url");

        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(downloadUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"" + id + "\"");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void expiredForgedAndUnknownTokensAre404() {
        String id = upload(PNG, "pixel.png");
        String expired = simulator.onLoop(() -> DownloadTokens.of(simulator.context())
                .issue(new DownloadTokens.Subject(MediaLibrary.KIND, id), Instant.now().minusSeconds(1)));
        assertThat(call("downloadMedia", null, Map.of("CamelKapsoToken", expired)).getException())
                .isInstanceOf(KapsoNotFoundException.class);

        String valid = simulator.onLoop(() -> DownloadTokens.of(simulator.context())
                .issue(new DownloadTokens.Subject(MediaLibrary.KIND, id), Instant.now().plusSeconds(60)));
        String forged = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        assertThat(call("downloadMedia", null, Map.of("CamelKapsoToken", forged)).getException())
                .isInstanceOf(KapsoNotFoundException.class);
        assertThat(call("downloadMedia", null, Map.of("CamelKapsoToken", "nonsense")).getException())
                .isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void deleteRemovesTheMediaAndItsDownloads() {
        String id = upload(PNG, "pixel.png");
        String downloadUrl = (String) ok("getMediaUrl", null, Map.of("CamelKapsoMediaId", id)).get("download_url");

        assertThat(ok("deleteMedia", null, Map.of("CamelKapsoMediaId", id))).containsEntry("success", true);

        assertThat(call("getMediaUrl", null, Map.of("CamelKapsoMediaId", id)).getException()).isInstanceOf(KapsoNotFoundException.class);
        assertThat(call("deleteMedia", null, Map.of("CamelKapsoMediaId", id)).getException()).isInstanceOf(KapsoNotFoundException.class);
        String token = downloadUrl.substring(downloadUrl.indexOf("token=") + 6);
        assertThat(call("downloadMedia", null, Map.of("CamelKapsoToken", token)).getException()).isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void sizeLimitsAndTypesAreEnforced() {
        Exchange tooBig = call("uploadMedia", new byte[5 * 1024 * 1024 + 1], Map.of("CamelKapsoFileName", "big.jpg"));
        assertThat(tooBig.getException()).isInstanceOf(KapsoApiException.class)
                .hasMessageContaining("131053").hasMessageContaining("5242880");

        Exchange sticker = call("uploadMedia", new byte[100 * 1024 + 1], Map.of("CamelKapsoFileName", "s.webp"));
        assertThat(sticker.getException()).hasMessageContaining("131053").hasMessageContaining("102400");

        Exchange unsupported = call("uploadMedia", new byte[10], Map.of("CamelKapsoFileName", "x.bin",
                "CamelKapsoMediaType", "application/x-msdownload"));
        assertThat(unsupported.getException()).hasMessageContaining("131053").hasMessageContaining("Unsupported file type");

        assertThat(upload(new byte[5 * 1024 * 1024], "max.jpg")).isNotBlank();
    }

    @Test
    void aMediaKindInTheTypeFieldLeavesTheMimeTypeToTheFile() {
        // the official SDK's README uploads with type "image"; Kapso takes the MIME type from the file
        Map<String, Object> answer = ok("uploadMedia", PNG, Map.of("CamelKapsoFileName", "pixel.png", "CamelKapsoMediaType", "image"));
        String id = (String) answer.get("id");

        assertThat(ok("getMediaUrl", null, Map.of("CamelKapsoMediaId", id))).containsEntry("mime_type", "image/png");
    }

    @Test
    void uploadFromAUrlOfTheSimulatorItselfCopiesTheBytes() {
        String id = upload(PNG, "pixel.png");
        String downloadUrl = (String) ok("getMediaUrl", null, Map.of("CamelKapsoMediaId", id)).get("download_url");

        Map<String, Object> answer = data(ok("uploadMediaFromUrl", Map.of("media_ingest",
                Map.of("phone_number_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID, "source", downloadUrl, "filename", "copy.png")), Map.of()));
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) answer.get("target");
        @SuppressWarnings("unchecked")
        Map<String, Object> resource = (Map<String, Object>) answer.get("resource");
        assertThat(target).containsEntry("kind", "meta_media");
        assertThat(resource).containsEntry("filename", "copy.png").containsEntry("mime_type", "image/png")
                .containsEntry("size_bytes", PNG.length).containsEntry("sha256", sha256(PNG));

        String copy = (String) target.get("media_id");
        String copyUrl = (String) ok("getMediaUrl", null, Map.of("CamelKapsoMediaId", copy)).get("download_url");
        Exchange download = call("downloadMedia", null, Map.of("CamelKapsoToken", copyUrl.substring(copyUrl.indexOf("token=") + 6)));
        assertThat(download.getMessage().getBody(byte[].class)).isEqualTo(PNG);
    }

    @Test
    void uploadFromAPublicUrlStoresAnEmptyPlaceholder() {
        Map<String, Object> answer = data(ok("uploadMediaFromUrl", Map.of("media_ingest",
                Map.of("phone_number_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID, "source", "https://cdn.example.com/doc/invoice.pdf",
                        "delivery", "meta_resumable_asset")), Map.of()));
        @SuppressWarnings("unchecked")
        Map<String, Object> resource = (Map<String, Object>) answer.get("resource");
        assertThat(resource).containsEntry("filename", "invoice.pdf").containsEntry("mime_type", "application/pdf")
                .containsEntry("size_bytes", 0).containsEntry("source_url", "https://cdn.example.com/doc/invoice.pdf");
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) answer.get("target");
        assertThat((String) target.get("handle")).startsWith("4::");

        Exchange unknownPhone = call("uploadMediaFromUrl", Map.of("media_ingest",
                Map.of("phone_number_id", "999", "source", "https://cdn.example.com/a.png")), Map.of());
        assertThat(unknownPhone.getException()).isInstanceOf(KapsoNotFoundException.class);
        Exchange badType = call("uploadMediaFromUrl", Map.of("media_ingest",
                Map.of("phone_number_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID, "source", "https://cdn.example.com/a.exe")), Map.of());
        assertThat(badType.getException()).hasMessageContaining("not supported by Meta");
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
