package io.github.camelkapso.message;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where WhatsApp fetches a media file from: a public http(s) link, or the id {@code uploadMedia} returned (Meta
 * recommends the id: the file is not downloaded again for every send).
 */
public final class Media {

    private final String key;
    private final String value;

    private Media(String key, String value) {
        this.key = key;
        this.value = value;
    }

    public static Media link(String url) {
        FieldRules.required("media link", url);
        String scheme;
        try {
            scheme = URI.create(url).getScheme();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("media link must be an http or https URL, got an invalid URL", e);
        }
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("media link must be an http or https URL, got "
                                               + (scheme == null ? "a link without scheme" : "scheme " + scheme));
        }
        return new Media("link", url);
    }

    public static Media id(String mediaId) {
        return new Media("id", FieldRules.required("media id", mediaId));
    }

    /** The media of {@code field}, which a message cannot go without. */
    static Media required(String field, Media media) {
        if (media == null) {
            throw new IllegalArgumentException(field + " needs a media reference: Media.link(url) or Media.id(mediaId)");
        }
        return media;
    }

    /** A fresh, mutable object: the caller adds caption or filename beside the reference. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
