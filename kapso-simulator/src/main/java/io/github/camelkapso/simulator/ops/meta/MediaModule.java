package io.github.camelkapso.simulator.ops.meta;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Media: multipart upload on the Meta proxy, media URLs, token downloads, deletion, and the Platform's upload from
 * a URL. Rules:
 * <ul>
 * <li>uploadMedia takes multipart/form-data with {@code messaging_product=whatsapp} and a {@code file} part
 * (missing either: Graph 100 "The parameter ... is required"); the media type comes from the {@code type} part,
 * else the file part's Content-Type, else the file name's extension.</li>
 * <li>Accepted types and limits: images jpeg/png 5 MB; video mp4/3gpp 16 MB; audio aac/amr/mpeg/mp4/ogg 16 MB;
 * documents txt/pdf/Office 100 MB; stickers webp 100 KB static, 500 KB animated. Other types, empty files and
 * oversized files: Graph 131053 "Media upload error" naming the type, size and limit.</li>
 * <li>uploadMedia answers {@code {"id"}}, a numeric media id; media lives 30 days.</li>
 * <li>getMediaUrl requires {@code ?phone_number_id=} of a number in the media's WhatsApp Business account and answers
 * messaging_product, url, mime_type, sha256, file_size (a string), id, download_url and download_url_expires_at.
 * Both url and download_url are Kapso download links ({@code /meta/whatsapp/media_download?token=}) valid 4 minutes;
 * the simulator has no Meta CDN to point url at.</li>
 * <li>downloadMedia needs no API key: a genuine unexpired token answers the exact bytes with the stored
 * Content-Type, {@code Content-Disposition: inline; filename="<media id>"} and {@code Cache-Control: private,
 * max-age=240}; a missing, forged or expired token, or deleted media, answers 404; media ingested from a URL the
 * simulator could not fetch answers 502 {"error": "Media download failed"}.</li>
 * <li>deleteMedia answers {"success": true}; unknown media, or a phone_number_id of another account, is a 404.</li>
 * <li>uploadMediaFromUrl ({@code media_ingest}): the phone number must exist (404), source must be http(s) (400),
 * the MIME type (hint, else the source's Content-Type, else the extension) must be one WhatsApp accepts (400
 * "Invalid MIME type: ... not supported by Meta"), the size within the limit of its kind (413 "File size N bytes
 * exceeds limit of L bytes for ..."). delivery meta_media answers target {kind, media_id}; meta_resumable_asset
 * answers target {kind, handle} (a Meta-style {@code 4::} handle usable as profile_picture_handle).</li>
 * <li>Deviation: Kapso fetches public URLs and refuses loopback ones; the simulator cannot reach the internet, so it
 * fetches only loopback URLs and, for any other URL, stores the record with an empty body (size_bytes 0, the
 * SHA-256 of nothing) and says so in the {@code X-Simulator-Note} header.</li>
 * </ul>
 */
public final class MediaModule implements SimulatorModule {

    static final String UNFETCHED = "source_unfetched";

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        DownloadTokens tokens = DownloadTokens.of(ctx);
        MediaLibrary library = MediaLibrary.of(ctx);
        tokens.resolver(MediaLibrary.KIND, library::download);
        MetaNodes nodes = new MetaNodes(ctx);
        UrlIngest ingest = new UrlIngest(ctx);

        handlers.on("uploadMedia", r -> upload(r, nodes, library));
        handlers.on("getMediaUrl", r -> {
            ObjectNode media = media(r, library);
            String phoneId = r.query("phone_number_id");
            if (phoneId == null || phoneId.isBlank()) {
                throw MetaErrors.required("phone_number_id");
            }
            requireSameAccount(r, nodes, media, phoneId);
            Instant expires = ctx.clock().now().plus(DownloadTokens.MEDIA_URL_LIFE);
            String url = library.downloadUrl(MetaNodes.base(r), media.path("id").asText(), expires);
            ObjectNode body = SimState.object();
            body.put("messaging_product", "whatsapp");
            body.put("url", url);
            body.put("mime_type", media.path("mime_type").asText());
            body.put("sha256", media.path("sha256").asText());
            body.put("file_size", media.path("file_size").asText());
            body.put("id", media.path("id").asText());
            body.put("download_url", url);
            body.put("download_url_expires_at", expires.toString());
            return SimResponse.json(200, body);
        });
        handlers.on("deleteMedia", r -> {
            ObjectNode media = media(r, library);
            String phoneId = r.query("phone_number_id");
            if (phoneId != null && !phoneId.isBlank()) {
                requireSameAccount(r, nodes, media, phoneId);
            }
            library.delete(media.path("id").asText());
            return SimResponse.success();
        });
        handlers.on("downloadMedia", r -> download(r, tokens, library));
        handlers.on("uploadMediaFromUrl", r -> ingest(r, ctx, library, ingest));
    }

    private static SimResponse upload(SimRequest r, MetaNodes nodes, MediaLibrary library) {
        ObjectNode phone = nodes.phone(r);
        Multipart form = Multipart.parse(r);
        String product = form.field("messaging_product");
        if (product == null || product.isEmpty()) {
            throw MetaErrors.required("messaging_product");
        }
        if (!product.equals("whatsapp")) {
            throw MetaErrors.invalid("messaging_product", "must be whatsapp");
        }
        Multipart.Part file = form.part("file").orElseThrow(() -> MetaErrors.required("file"));
        String type = mimeType(form.field("type"));
        if (type == null) {
            type = mimeType(file.contentType());
        }
        if (type == null || type.isEmpty() || MediaTypes.normalize(type).equals("application/octet-stream")) {
            type = MediaTypes.guess(file.fileName()).orElse(type);
        }
        if (type == null || type.isEmpty()) {
            throw MetaErrors.MEDIA_UPLOAD.error("The media type is unknown: send it in the type field");
        }
        byte[] bytes = file.content();
        String mediaType = type;
        checkMedia(mediaType, bytes, (kind, limit) -> MetaErrors.MEDIA_UPLOAD.error("Media file size too big: " + bytes.length
                + " bytes. The limit for " + kind.label() + " (" + MediaTypes.normalize(mediaType) + ") is " + limit + " bytes"),
                t -> MetaErrors.MEDIA_UPLOAD.error("Unsupported file type " + MediaTypes.normalize(t)
                        + ". WhatsApp accepts images (image/jpeg, image/png), video (video/mp4, video/3gpp), audio (audio/aac, "
                        + "audio/amr, audio/mpeg, audio/mp4, audio/ogg), documents (text/plain, application/pdf, Office) "
                        + "and stickers (image/webp)"));
        if (bytes.length == 0) {
            throw MetaErrors.MEDIA_UPLOAD.error("The file is empty");
        }
        ObjectNode record = library.store(phone.path("id").asText(), bytes, mediaType, file.fileName());
        ObjectNode body = SimState.object();
        body.put("id", record.path("id").asText());
        return SimResponse.json(200, body);
    }

    /**
     * A declared type (the {@code type} form field or the file part's Content-Type) when it names a MIME type. Kapso's
     * upload takes only {@code file} and {@code messaging_product}; the official SDK also sends {@code type}, and its
     * README passes the media kind ({@code "image"}), which Kapso accepts: the file then tells the MIME type.
     */
    private static String mimeType(String type) {
        return type == null || !type.contains("/") ? null : type;
    }

    private interface TooLarge {
        ApiError error(MediaTypes kind, long limit);
    }

    private static MediaTypes checkMedia(String type, byte[] bytes, TooLarge tooLarge,
                                         java.util.function.Function<String, ApiError> unsupported) {
        MediaTypes kind = MediaTypes.of(type).orElseThrow(() -> unsupported.apply(type));
        long limit = kind.limit(bytes);
        if (bytes.length > limit) {
            throw tooLarge.error(kind, limit);
        }
        return kind;
    }

    private static ObjectNode media(SimRequest r, MediaLibrary library) {
        String id = r.path("media_id");
        return library.find(id).orElseThrow(() -> ApiError.notFound(r.operation(), id));
    }

    /** Kapso resolves the config from phone_number_id; the media must belong to that number's business account. */
    private static void requireSameAccount(SimRequest r, MetaNodes nodes, ObjectNode media, String phoneId) {
        ObjectNode phone = nodes.phone(r, phoneId);
        ObjectNode owner = nodes.phone(r, media.path("phone_number_id").asText());
        if (!nodes.businessAccountOf(phone).equals(nodes.businessAccountOf(owner))) {
            throw ApiError.notFound(r.operation(), media.path("id").asText());
        }
    }

    private static SimResponse download(SimRequest r, DownloadTokens tokens, MediaLibrary library) {
        Optional<DownloadTokens.Subject> subject = tokens.verify(r.query("token"));
        if (subject.isEmpty()) {
            throw ApiError.raw(404, error("Download token is missing, invalid or expired"));
        }
        DownloadTokens.Subject s = subject.get();
        if (s.kind().equals(MediaLibrary.KIND)
            && library.find(s.id()).map(m -> m.path(UNFETCHED).asBoolean(false)).orElse(false)) {
            throw ApiError.raw(502, error("Media download failed"));
        }
        DownloadTokens.Download d = tokens.resolve(s)
                .orElseThrow(() -> ApiError.raw(404, error("Media not found")));
        return SimResponse.bytes(200, d.bytes(), d.contentType())
                .header("Content-Disposition", "inline; filename=\"" + d.fileName() + "\"")
                .header("Cache-Control", "private, max-age=" + DownloadTokens.MEDIA_URL_LIFE.toSeconds());
    }

    private static SimResponse ingest(SimRequest r, SimContext ctx, MediaLibrary library, UrlIngest ingest) {
        ObjectNode attrs = r.attributes();
        String phoneId = attrs.path("phone_number_id").asText("");
        if (ctx.state().store(Stores.PHONE_NUMBERS).get(phoneId).isEmpty()) {
            throw ApiError.platform(404, "WhatsApp phone number not found or not accessible in this project");
        }
        URI source = UrlIngest.parse(attrs.path("source").asText(""));
        String delivery = attrs.path("delivery").asText("meta_media");
        UrlIngest.Source fetched = ingest.read(source, port(r.url()));
        String fileName = text(attrs, "filename");
        if (fileName == null) {
            String path = source.getPath() == null ? "" : source.getPath();
            fileName = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
            if (fileName.isEmpty()) {
                fileName = "media";
            }
        }
        String mime = text(attrs, "mime_type");
        if (mime == null && fetched.contentType() != null && MediaTypes.of(fetched.contentType()).isPresent()) {
            mime = fetched.contentType();
        }
        if (mime == null) {
            mime = MediaTypes.guess(fileName).or(() -> MediaTypes.guess(source.getPath())).orElse(null);
        }
        if (mime == null) {
            throw ApiError.platform(400, "Invalid MIME type: "
                                         + (fetched.contentType() == null ? "unknown" : MediaTypes.normalize(fetched.contentType()))
                                         + " not supported by Meta");
        }
        String type = mime;
        byte[] bytes = fetched.bytes();
        checkMedia(type, bytes, (kind, limit) -> ApiError.platform(413, "File size " + bytes.length + " bytes exceeds limit of "
                                                                       + limit + " bytes for " + MediaTypes.normalize(type)),
                t -> ApiError.platform(400, "Invalid MIME type: " + MediaTypes.normalize(t) + " not supported by Meta"));
        ObjectNode record = library.store(phoneId, bytes, type, fileName);
        String ingestId = Ids.uuid();
        record.put("ingest_id", ingestId);
        record.put("source_url", source.toString());
        record.put("delivery", delivery);
        if (!fetched.fetched()) {
            record.put(UNFETCHED, true);
        }
        ObjectNode data = SimState.object();
        data.put("ingest_id", ingestId);
        ObjectNode target = data.putObject("target");
        target.put("kind", delivery);
        if (delivery.equals("meta_resumable_asset")) {
            String handle = "4::" + java.util.Base64.getEncoder().encodeToString(MediaTypes.normalize(type).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)) + ":" + Ids.token(24);
            record.put("handle", handle);
            target.put("handle", handle);
        } else {
            target.put("media_id", record.path("id").asText());
        }
        ObjectNode resource = data.putObject("resource");
        resource.put("filename", fileName);
        resource.put("mime_type", record.path("mime_type").asText());
        resource.put("size_bytes", bytes.length);
        resource.put("sha256", record.path("sha256").asText());
        resource.put("source_url", source.toString());
        SimResponse response = SimResponse.data(200, data);
        if (!fetched.fetched()) {
            response.header("X-Simulator-Note", "source not fetched: the simulator only fetches loopback URLs; "
                                                + "the media was stored with an empty body");
        }
        return response;
    }

    private static String text(JsonNode attrs, String field) {
        JsonNode v = attrs.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static ObjectNode error(String message) {
        ObjectNode body = SimState.object();
        body.put("error", message);
        return body;
    }

    private static int port(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
