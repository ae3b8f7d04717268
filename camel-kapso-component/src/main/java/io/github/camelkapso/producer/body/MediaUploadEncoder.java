package io.github.camelkapso.producer.body;

import java.io.File;
import java.net.URLConnection;
import java.nio.file.Path;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.client.EncodedBody;
import io.github.camelkapso.error.KapsoRequestException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code uploadMedia}: the file as multipart with {@code messaging_product=whatsapp} (without it Meta rejects the
 * upload) and the media {@code type}.
 */
final class MediaUploadEncoder implements RequestBodyEncoder {

    @Override
    public EncodedBody encode(KapsoOperation operation, Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        if (body == null) {
            throw new KapsoRequestException("uploadMedia needs the file in the body (byte[], InputStream, File or Path)");
        }
        String fileName = fileName(in, body);
        String mediaType = mediaType(in, fileName);
        byte[] content = in.getMandatoryBody(byte[].class);
        return new MultipartBody()
                .field("messaging_product", "whatsapp")
                .field("type", mediaType)
                .file("file", fileName, mediaType, content)
                .build();
    }

    private static String fileName(Message in, Object body) {
        String name = in.getHeader(KapsoConstants.FILE_NAME, String.class);
        if (name == null) {
            name = in.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        }
        if (name == null && body instanceof File f) {
            name = f.getName();
        }
        if (name == null && body instanceof Path p) {
            name = p.getFileName().toString();
        }
        return name != null ? name : "upload";
    }

    private static String mediaType(Message in, String fileName) {
        String type = in.getHeader(KapsoConstants.MEDIA_TYPE, String.class);
        if (type == null) {
            type = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        }
        if (type == null) {
            type = URLConnection.guessContentTypeFromName(fileName);
        }
        if (type == null) {
            throw new KapsoRequestException("uploadMedia needs the media type: set header " + KapsoConstants.MEDIA_TYPE
                                            + " (e.g. image/jpeg) or a file name with a known extension");
        }
        return type;
    }
}
