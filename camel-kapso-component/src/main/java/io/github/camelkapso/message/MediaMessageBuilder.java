package io.github.camelkapso.message;

import java.util.Map;

/**
 * {@code type: image | video | audio | document | sticker}: the media reference plus what that kind takes. A caption
 * goes with images, videos and documents; a file name only with documents; the voice-note flag only with audio.
 */
public final class MediaMessageBuilder extends OutgoingMessageBuilder<MediaMessageBuilder> {

    static final int MAX_CAPTION = 1024;

    private final String kind;
    private final Media media;
    private String caption;
    private String filename;
    private Boolean voice;

    MediaMessageBuilder(String to, String kind, Media media) {
        super(to, kind);
        this.kind = kind;
        this.media = Media.required(kind, media);
    }

    public MediaMessageBuilder caption(String caption) {
        if (kind.equals("audio") || kind.equals("sticker")) {
            throw new IllegalArgumentException(kind + ".caption is not supported: WhatsApp shows no caption on "
                                               + kind + " messages");
        }
        this.caption = FieldRules.requiredAtMost(kind + ".caption", caption, MAX_CAPTION);
        return this;
    }

    /** The name the recipient sees; its extension picks the icon WhatsApp shows. */
    public MediaMessageBuilder filename(String filename) {
        if (!kind.equals("document")) {
            throw new IllegalArgumentException(kind + ".filename is not supported: only document messages take a file name");
        }
        this.filename = FieldRules.required("document.filename", filename);
        return this;
    }

    /** Sends the audio as a voice note (an OGG file with the OPUS codec), with WhatsApp's voice-note player. */
    public MediaMessageBuilder voice(boolean voice) {
        if (!kind.equals("audio")) {
            throw new IllegalArgumentException(kind + ".voice is not supported: only audio messages are voice notes");
        }
        this.voice = voice;
        return this;
    }

    @Override
    Object content() {
        Map<String, Object> content = media.toMap();
        if (caption != null) {
            content.put("caption", caption);
        }
        if (filename != null) {
            content.put("filename", filename);
        }
        if (voice != null) {
            content.put("voice", voice);
        }
        return content;
    }
}
