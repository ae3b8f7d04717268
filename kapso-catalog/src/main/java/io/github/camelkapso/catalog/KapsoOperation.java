package io.github.camelkapso.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One Kapso HTTP endpoint, as declared in the catalog resource.
 *
 * @param id            the operation name used in {@code kapso:<id>} URIs
 * @param resource      the API resource the operation belongs to (messages, broadcasts, ...)
 * @param method        HTTP method
 * @param base          which Kapso surface serves it
 * @param path          path template below the base, e.g. {@code /{phone_number_id}/messages}
 * @param pathParams    names of the path placeholders, in order of appearance
 * @param queryParams   declared query parameters
 * @param headerParams  HTTP request headers the operation declares (e.g. Idempotency-Key)
 * @param filters       whether free-form PostgREST filters ({@code column=op.value}) are accepted
 * @param body          how the request body is sent
 * @param wrapper       the JSON key the body is wrapped in (Rails strong parameters), or null
 * @param envelope      the shape of a successful response
 * @param pagination    how the operation pages through results
 * @param successStatus the documented success status
 * @param idempotent    whether repeating the call is harmless (allows retries on 5xx and I/O errors)
 * @param list          whether the answer is a list of items (every paginated operation, and unpaginated lists such
 *                      as {@code listWorkflows})
 * @param messageSend   whether the call sends a WhatsApp message: throttled per phone number, its answer's message id
 *                      becomes a header
 * @param poll          how a polling consumer follows the list, or null when the operation cannot back one
 * @param multipartForm the form a multipart operation sends, or null for the other body kinds
 * @param preflight     rules checked on the request body before the call
 * @param description   one line saying what the call does
 * @param docs          the documentation page, or null
 * @param source        where the operation is known from when no documentation page exists, or null
 */
public record KapsoOperation(
        String id,
        String resource,
        String method,
        Base base,
        String path,
        List<String> pathParams,
        List<QueryParam> queryParams,
        List<HeaderParam> headerParams,
        boolean filters,
        BodyKind body,
        String wrapper,
        Envelope envelope,
        Pagination pagination,
        int successStatus,
        boolean idempotent,
        boolean list,
        boolean messageSend,
        PollProfile poll,
        MultipartForm multipartForm,
        List<PreflightRule> preflight,
        String description,
        String docs,
        String source) {

    public KapsoOperation {
        pathParams = List.copyOf(pathParams);
        queryParams = List.copyOf(queryParams);
        headerParams = List.copyOf(headerParams);
        preflight = List.copyOf(preflight);
        if ((body == BodyKind.MULTIPART) != (multipartForm != null)) {
            throw new IllegalArgumentException("Kapso catalog operation " + id + ": multipart must name the form exactly"
                                               + " when body is multipart (body " + body + ", multipart " + multipartForm + ")");
        }
        if (poll != null && poll.consumerSorts() != (poll.orderField() == null)) {
            throw new IllegalArgumentException("Kapso catalog operation " + id + ": poll.orderField must be null exactly"
                                               + " when poll.consumerSorts is true");
        }
    }

    public Optional<QueryParam> queryParam(String name) {
        return queryParams.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public boolean hasWrapper() {
        return wrapper != null && !wrapper.isEmpty();
    }

    /** Message sends are throttled per phone number and never retried blindly. */
    public boolean isMessageSend() {
        return messageSend;
    }

    /** Whether the answer is a list of items, paginated or not. */
    public boolean isList() {
        return list;
    }

    /** Whether the operation can back a polling consumer. */
    public boolean consumer() {
        return poll != null;
    }

    /** How a polling consumer follows this list; empty when it cannot back one. */
    public Optional<PollProfile> pollProfile() {
        return Optional.ofNullable(poll);
    }

    /** A key that tells two endpoints apart the way a router would: see {@link RouteKey}. */
    public String routeKey() {
        return RouteKey.of(method, base, path);
    }

    /** Which Kapso surface serves an operation. */
    public enum Base {
        /** {@code /meta/whatsapp/{graphVersion}}: the WhatsApp Cloud API proxy. */
        META,
        /** {@code /meta/whatsapp}: the unversioned proxy paths (media download). */
        META_UNVERSIONED,
        /** {@code /platform/v1}: the Platform and Workflows API. */
        PLATFORM;

        public static Base fromCatalog(String value) {
            return valueOf(value.toUpperCase().replace('-', '_'));
        }
    }

    /** How an operation's request body goes on the wire. */
    public enum BodyKind {
        JSON, MULTIPART, NONE
    }

    /** The form a multipart operation sends. */
    public enum MultipartForm {
        /** {@code uploadMedia}: the file, its media type and {@code messaging_product=whatsapp}. */
        MEDIA,
        /** {@code uploadFlowJson}: the Flow JSON as the {@code flow.json} asset. */
        FLOW_JSON
    }

    /** The shape of a successful answer. */
    public enum Envelope {
        /** Meta Graph shapes: bare objects, lists with {@code data} and {@code paging.cursors}. */
        GRAPH,
        /** Platform shapes: {@code data} with {@code meta} page fields or {@code paging} cursors. */
        DATA,
        /** Platform answers that are not wrapped in {@code data}. */
        RAW,
        /** Bytes, not JSON (media download). */
        BINARY
    }

    /** How an operation pages through results. */
    public enum Pagination {
        /** {@code after}/{@code before} opaque cursors. */
        CURSOR,
        /** {@code page}/{@code per_page} with {@code total_pages}. */
        PAGE,
        /** {@code limit}/{@code offset}. */
        OFFSET,
        NONE
    }
}
