package io.github.camelkapso.simulator.ops.meta;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * The media files of the project: a record per file in {@link Stores#MEDIA} (id, owning phone number, MIME type,
 * SHA-256, size, file name, expiry) and the exact bytes beside it. Uploaded media lives 30 days, as on WhatsApp.
 * Other modules use it for media that arrives with inbound messages:
 * {@code MediaLibrary.of(ctx).store(phoneNumberId, bytes, "image/jpeg", "photo.jpg")} returns the record whose
 * {@code id} a message's {@code image.id} can carry; {@link #downloadUrl} gives the Kapso download URL.
 */
public final class MediaLibrary {

    public static final String KIND = "media";
    static final Duration MEDIA_LIFE = Duration.ofDays(30);

    private final SimContext ctx;
    private final Store records;
    private final Map<String, byte[]> contents = new HashMap<>();

    private MediaLibrary(SimContext ctx) {
        this.ctx = ctx;
        this.records = ctx.state().store(Stores.MEDIA);
    }

    public static MediaLibrary of(SimContext ctx) {
        return ctx.shared(MediaLibrary.class, () -> new MediaLibrary(ctx));
    }

    /** Keeps a file for a phone number and answers its record. */
    public ObjectNode store(String phoneNumberId, byte[] bytes, String mimeType, String fileName) {
        Instant now = ctx.clock().now();
        ObjectNode record = SimState.object();
        record.put("id", Ids.numeric());
        record.put("messaging_product", "whatsapp");
        record.put("phone_number_id", phoneNumberId);
        record.put("mime_type", MediaTypes.normalize(mimeType));
        record.put("sha256", sha256(bytes));
        record.put("file_size", bytes.length);
        if (fileName != null) {
            record.put("filename", fileName);
        } else {
            record.putNull("filename");
        }
        record.put("created_at", now.toString());
        record.put("expires_at", now.plus(MEDIA_LIFE).toString());
        contents.put(record.path("id").asText(), bytes);
        return records.put(record);
    }

    /** The record of a media id that exists and has not expired. */
    public Optional<ObjectNode> find(String mediaId) {
        return records.get(mediaId).filter(r -> Instant.parse(r.path("expires_at").asText()).isAfter(ctx.clock().now()));
    }

    /** What a download token of kind {@link #KIND} answers: the exact bytes with the stored MIME type. */
    Optional<DownloadTokens.Download> download(String mediaId) {
        return find(mediaId).map(r -> new DownloadTokens.Download(bytes(mediaId), r.path("mime_type").asText(), mediaId));
    }

    /** The media a resumable-upload handle ({@code 4::...}) stands for. */
    public Optional<ObjectNode> byHandle(String handle) {
        return records.find(r -> handle.equals(r.path("handle").asText(null))).flatMap(r -> find(r.path("id").asText()));
    }

    public byte[] bytes(String mediaId) {
        return contents.getOrDefault(mediaId, new byte[0]);
    }

    public boolean delete(String mediaId) {
        contents.remove(mediaId);
        return records.remove(mediaId).isPresent();
    }

    /** A download URL for the media, valid until {@code expiresAt}. */
    public String downloadUrl(String base, String mediaId, Instant expiresAt) {
        return DownloadTokens.of(ctx).url(base, new DownloadTokens.Subject(KIND, mediaId), expiresAt);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
