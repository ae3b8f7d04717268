package io.github.camelkapso.simulator.webhooks.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.ops.meta.MediaLibrary;
import io.github.camelkapso.simulator.state.Stores;
import io.github.camelkapso.simulator.webhooks.Signatures;

/**
 * Small generated files for the media customers send, stored in {@link Stores#MEDIA} so the media API can serve
 * them. Record: {@code id} (Meta media id), {@code messaging_product}, {@code mime_type}, {@code sha256},
 * {@code file_size}, {@code filename}, {@code phone_number_id}, {@code created_at}, {@code origin: "inbound"}; the
 * bytes are kept by the media library, so the media API serves them. Images are a real 1x1 PNG, stickers a real 1x1 WebP, documents a
 * one-page PDF; audio and video are placeholder bytes with the right container signature.
 */
public final class InboundMedia {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    private static final byte[] OGG = "OggS\0\2\0\0\0\0\0\0\0\0simulated-voice-note".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] MP4 = "\0\0\0\u0018ftypmp42\0\0\0\0mp42isomsimulated-video".getBytes(StandardCharsets.ISO_8859_1);

    private static final Map<String, String> DEFAULT_MIME = Map.of("image", "image/png", "video", "video/mp4", "audio", "audio/ogg",
            "document", "application/pdf", "sticker", "image/webp");
    private static final Map<String, String> EXTENSION = Map.of("image", "png", "video", "mp4", "audio", "ogg", "document", "pdf",
            "sticker", "webp");

    private InboundMedia() {
    }

    public static boolean supports(String type) {
        return DEFAULT_MIME.containsKey(type);
    }

    /** Generates a media item of the given message type and keeps it in the media library; mimeType and filename may be null. */
    public static ObjectNode store(SimContext ctx, String phoneNumberId, String type, String mimeType, String filename) {
        byte[] bytes = bytes(type, filename == null ? "document" : filename);
        ObjectNode media = MediaLibrary.of(ctx).store(phoneNumberId, bytes, mimeType != null ? mimeType : DEFAULT_MIME.get(type),
                filename != null ? filename : type + "." + EXTENSION.get(type));
        media.put("origin", "inbound");
        return media;
    }

    private static byte[] bytes(String type, String title) {
        switch (type) {
            case "image":
                return PNG.clone();
            case "sticker":
                return WEBP.clone();
            case "audio":
                return OGG.clone();
            case "video":
                return MP4.clone();
            default:
                return pdf(title);
        }
    }

    /** A minimal valid one-page PDF showing the title. */
    private static byte[] pdf(String title) {
        String safe = title.replaceAll("[^ -~]|[()\\\\]", "");
        String stream = "BT /F1 18 Tf 36 100 Td (" + safe + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
