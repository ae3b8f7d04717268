package io.github.camelkapso.simulator.ops.meta;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.http.ApiError;

/**
 * Reads the source of a media ingest. Kapso fetches public URLs; the simulator cannot reach the internet, so it
 * fetches only loopback URLs (localhost, 127.0.0.0/8, ::1) and keeps an empty body for any other URL. A loopback URL
 * on the simulator's own port is read without HTTP (a media_download link answers its media directly), because
 * the simulator's single event loop cannot answer itself while it waits. Other loopback fetches are synchronous
 * with short timeouts: they block the event loop for as long as the local server takes.
 */
final class UrlIngest {

    /** What the source gave: the bytes, the Content-Type it declared, and whether it was fetched at all. */
    record Source(byte[] bytes, String contentType, boolean fetched) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final SimContext ctx;

    UrlIngest(SimContext ctx) {
        this.ctx = ctx;
    }

    static URI parse(String source) {
        try {
            URI uri = new URI(source);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw ApiError.platform(400, "Source URL must be a valid HTTP or HTTPS URL");
    }

    /**
     * @param source        the URL to read
     * @param simulatorPort the port the simulator serves on (a loopback URL on it is the simulator itself)
     */
    Source read(URI source, int simulatorPort) {
        if (!loopback(source.getHost())) {
            return new Source(new byte[0], null, false);
        }
        if (port(source) == simulatorPort) {
            return fromSelf(source);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(source).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                throw ApiError.platform(400, "Could not download the source URL: HTTP " + response.statusCode());
            }
            return new Source(response.body(), response.headers().firstValue("Content-Type").orElse(null), true);
        } catch (java.io.IOException e) {
            throw ApiError.platform(400, "Could not download the source URL: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.platform(400, "Could not download the source URL: interrupted");
        }
    }

    private Source fromSelf(URI source) {
        if (!"/meta/whatsapp/media_download".equals(source.getPath())) {
            throw ApiError.platform(400, "The simulator cannot fetch its own URL " + source.getPath()
                                         + "; only its media_download links can be a media source");
        }
        String token = null;
        String query = source.getRawQuery() == null ? "" : source.getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                token = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        DownloadTokens tokens = DownloadTokens.of(ctx);
        Optional<DownloadTokens.Download> download = tokens.verify(token).flatMap(tokens::resolve);
        if (download.isEmpty()) {
            throw ApiError.platform(400, "Could not download the source URL: HTTP 404 (invalid or expired download token)");
        }
        return new Source(download.get().bytes(), download.get().contentType(), true);
    }

    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
               || h.equals("0:0:0:0:0:0:0:1");
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
