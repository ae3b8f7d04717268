package io.github.camelkapso.producer.body;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.github.camelkapso.client.EncodedBody;

/** Builds a multipart/form-data body in memory (Kapso's upload limits keep it bounded: 100 MB for documents). */
final class MultipartBody {

    private final String boundary = "kapso-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    MultipartBody field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name) + "\"\r\n\r\n");
        write(value);
        write("\r\n");
        return this;
    }

    MultipartBody file(String name, String fileName, String contentType, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name) + "\"; filename=\""
              + escape(fileName) + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(content);
        write("\r\n");
        return this;
    }

    EncodedBody build() {
        write("--" + boundary + "--\r\n");
        return new EncodedBody(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private void write(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
