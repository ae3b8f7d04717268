package io.github.camelkapso.simulator.ops.meta;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.http.ApiError;

/**
 * The Meta error codes the proxy operations of this package answer with, each with the title Meta gives it. The
 * codes come from Meta's Cloud API, Flows, calling and phone-registration error references.
 */
enum MetaErrors {

    INVALID_PARAMETER(100, 400, "Invalid parameter"),
    MEDIA_UPLOAD(131053, 400, "Media upload error"),
    FLOW_REQUEST(139001, 400, "Error while processing Flow request"),
    FLOW_PUBLISH(139002, 400, "Publishing Flow in invalid state"),
    PIN_MISMATCH(133005, 400, "Two step verification PIN Mismatch"),
    NEEDS_VERIFICATION(133006, 400, "Phone number re-verification needed"),
    REGISTER_RATE_LIMIT(133016, 400, "Account register deregister rate limit exceeded"),
    REQUEST_CODE(136024, 400, "Request code error"),
    VERIFY_CODE(136025, 400, "Verify code error"),
    CALLING_NOT_ENABLED(138000, 400, "Calling not enabled"),
    CALL_RATE_LIMIT(138005, 400, "Call rate limit exceeded"),
    NO_CALL_PERMISSION(138006, 400, "No approved call permission from the recipient"),
    CALL_PERMISSION_RATE_LIMIT(613, 429, "Fetch Call Permission For Consumer Phone Number API Limit Hit"),
    BLOCK_USERS(139100, 400, "Failed to block/unblock users"),
    NOT_REGISTERED(133010, 400, "Phone number is not registered"),
    USERNAME_UNAVAILABLE(147001, 400, "Username is not available"),
    USERNAME_TRANSFER(147005, 400, "Use force_transfer to move the username inside the same portfolio");

    /** Meta's subcode when a template with the same name already has content in that language. */
    static final int SUBCODE_TEMPLATE_LANGUAGE_EXISTS = 2388024;
    /** Meta's subcode when a template field is over its character limit. */
    static final int SUBCODE_TEMPLATE_CHARACTER_LIMIT = 2388040;

    private final int code;
    private final int status;
    private final String title;

    MetaErrors(int code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    int code() {
        return code;
    }

    /** The Graph error, {@code error_data.details} carrying what exactly was wrong. */
    ApiError error(String details) {
        return ApiError.graph(status, code, "OAuthException", "(#" + code + ") " + title, null, details);
    }

    ApiError error(String details, int subcode) {
        return ApiError.graph(status, code, "OAuthException", "(#" + code + ") " + title, subcode, details);
    }

    /** A required parameter is missing, in Meta's words. */
    static ApiError required(String parameter) {
        return ApiError.graph(400, 100, "OAuthException", "(#100) The parameter " + parameter + " is required.", null,
                "The parameter " + parameter + " is required.");
    }

    /** A parameter has a value Meta rejects: the message names the parameter and the rule. */
    static ApiError invalid(String parameter, String rule) {
        return ApiError.graph(400, 100, "OAuthException", "(#100) Param " + parameter + " " + rule, null, parameter + " " + rule);
    }

    /** Adds a top-level field next to {@code error} (Meta puts e.g. {@code block_users} there). */
    static ApiError withSibling(ApiError error, String field, ObjectNode value) {
        ObjectNode body = error.body().deepCopy();
        body.set(field, value == null ? JsonNodeFactory.instance.objectNode() : value);
        return ApiError.raw(error.status(), body);
    }
}
