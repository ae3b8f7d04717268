package io.github.camelkapso.simulator.ops.meta;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media WhatsApp accepts, as data: MIME types and file extensions per media kind, and the size limit of each
 * kind (Kapso's upload-media documentation: images 5 MB, video and audio 16 MB, documents 100 MB, stickers
 * 100 KB static / 500 KB animated; MB meaning 1024 × 1024 bytes as Kapso's 413 message shows).
 */
enum MediaTypes {

    IMAGE(5L * 1024 * 1024, Map.of("image/jpeg", List.of("jpg", "jpeg"), "image/png", List.of("png"))),
    VIDEO(16L * 1024 * 1024, Map.of("video/mp4", List.of("mp4"), "video/3gpp", List.of("3gp"))),
    AUDIO(16L * 1024 * 1024, Map.of("audio/aac", List.of("aac"), "audio/amr", List.of("amr"), "audio/mpeg", List.of("mp3"),
            "audio/mp4", List.of("m4a"), "audio/ogg", List.of("ogg", "opus"))),
    DOCUMENT(100L * 1024 * 1024, Map.of("text/plain", List.of("txt"), "application/pdf", List.of("pdf"),
            "application/msword", List.of("doc"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"),
            "application/vnd.ms-excel", List.of("xls"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"),
            "application/vnd.ms-powerpoint", List.of("ppt"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of("pptx"))),
    STICKER(100L * 1024, Map.of("image/webp", List.of("webp")));

    static final long ANIMATED_STICKER_LIMIT = 500L * 1024;

    private final long limit;
    private final Map<String, List<String>> mimeTypes;

    MediaTypes(long limit, Map<String, List<String>> mimeTypes) {
        this.limit = limit;
        this.mimeTypes = mimeTypes;
    }

    /** The kind of a MIME type (parameters such as {@code ; codecs=opus} ignored), if WhatsApp accepts it. */
    static Optional<MediaTypes> of(String mimeType) {
        String m = normalize(mimeType);
        for (MediaTypes t : values()) {
            if (t.mimeTypes.containsKey(m)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The MIME type of a file name by its extension, among the accepted ones. */
    static Optional<String> guess(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        int q = name.indexOf('?');
        if (q >= 0) {
            name = name.substring(0, q);
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1);
        for (MediaTypes t : values()) {
            for (Map.Entry<String, List<String>> e : t.mimeTypes.entrySet()) {
                if (e.getValue().contains(ext)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    static String normalize(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        int semi = mimeType.indexOf(';');
        return (semi < 0 ? mimeType : mimeType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The size limit of this kind for the given content (animated WebP stickers get the larger limit). */
    long limit(byte[] content) {
        return this == STICKER && animatedWebp(content) ? ANIMATED_STICKER_LIMIT : limit;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A WebP is animated when it carries an ANIM chunk (RIFF container, VP8X extended format). */
    static boolean animatedWebp(byte[] content) {
        if (content.length < 16 || !new String(content, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
            || !new String(content, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return false;
        }
        int scan = Math.min(content.length - 4, 4096);
        for (int i = 12; i < scan; i++) {
            if (content[i] == 'A' && content[i + 1] == 'N' && content[i + 2] == 'I' && content[i + 3] == 'M') {
                return true;
            }
        }
        return false;
    }
}
