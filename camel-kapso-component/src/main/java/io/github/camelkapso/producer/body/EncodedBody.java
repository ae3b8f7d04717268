package io.github.camelkapso.producer.body;

/** A request body ready for the wire; reusable across retries. */
public record EncodedBody(byte[] bytes, String contentType) {

    public static final EncodedBody NONE = new EncodedBody(null, null);

    public boolean isEmpty() {
        return bytes == null;
    }
}
