package io.github.camelkapso.error;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Everything known about one failed Kapso call; the immutable state behind {@link KapsoApiException}.
 *
 * @param operationId  the component operation that failed, e.g. {@code sendMessage}; may be null
 * @param httpStatus   the HTTP status of the answer
 * @param errorMessage the server's message, or {@code "HTTP <status>"} when it gave none
 * @param code         Meta error code, or null
 * @param subcode      Meta error subcode, or null
 * @param type         Meta error type, e.g. {@code OAuthException}, or null
 * @param fbtraceId    Meta trace id, or null
 * @param errorDetails Meta {@code error_data.details} or a Platform {@code detail}, or null
 * @param platformCode Kapso string code, e.g. {@code insufficient_credits}, or null
 * @param errors       Platform validation messages, never null
 * @param responseBody the raw response body, truncated; may be empty
 * @param retryAfter   how long the server asked to wait, or null
 * @param category     what kind of failure this is, never null
 * @param retryable    advice: whether repeating the same call later may succeed
 */
public record KapsoErrorDetails(
        String operationId,
        int httpStatus,
        String errorMessage,
        Integer code,
        Integer subcode,
        String type,
        String fbtraceId,
        String errorDetails,
        String platformCode,
        List<String> errors,
        String responseBody,
        Duration retryAfter,
        KapsoErrorCategory category,
        boolean retryable) implements Serializable {

    public KapsoErrorDetails {
        errors = errors == null ? List.of() : List.copyOf(errors);
        category = category == null ? KapsoErrorCategory.UNKNOWN : category;
        errorMessage = errorMessage == null ? "HTTP " + httpStatus : errorMessage;
    }

    public static Builder builder(int httpStatus) {
        return new Builder(httpStatus);
    }

    /** Collects the fields of a {@link KapsoErrorDetails}. */
    public static final class Builder {
        private final int httpStatus;
        private String operationId;
        private String errorMessage;
        private Integer code;
        private Integer subcode;
        private String type;
        private String fbtraceId;
        private String errorDetails;
        private String platformCode;
        private List<String> errors = List.of();
        private String responseBody;
        private Duration retryAfter;
        private KapsoErrorCategory category = KapsoErrorCategory.UNKNOWN;
        private boolean retryable;

        private Builder(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public Builder operationId(String value) {
            this.operationId = value;
            return this;
        }

        public Builder errorMessage(String value) {
            this.errorMessage = value;
            return this;
        }

        public Builder code(Integer value) {
            this.code = value;
            return this;
        }

        public Builder subcode(Integer value) {
            this.subcode = value;
            return this;
        }

        public Builder type(String value) {
            this.type = value;
            return this;
        }

        public Builder fbtraceId(String value) {
            this.fbtraceId = value;
            return this;
        }

        public Builder errorDetails(String value) {
            this.errorDetails = value;
            return this;
        }

        public Builder platformCode(String value) {
            this.platformCode = value;
            return this;
        }

        public Builder errors(List<String> value) {
            this.errors = value;
            return this;
        }

        public Builder responseBody(String value) {
            this.responseBody = value;
            return this;
        }

        public Builder retryAfter(Duration value) {
            this.retryAfter = value;
            return this;
        }

        public Builder category(KapsoErrorCategory value) {
            this.category = value;
            return this;
        }

        public Builder retryable(boolean value) {
            this.retryable = value;
            return this;
        }

        public KapsoErrorDetails build() {
            return new KapsoErrorDetails(operationId, httpStatus, errorMessage, code, subcode, type, fbtraceId,
                    errorDetails, platformCode, errors, responseBody, retryAfter, category, retryable);
        }
    }
}
