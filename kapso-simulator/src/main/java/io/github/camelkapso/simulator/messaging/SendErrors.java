package io.github.camelkapso.simulator.messaging;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.http.ApiError;

/** The errors Meta (and Kapso in front of it) answer to a message send, with their documented codes and shapes. */
public final class SendErrors {

    private SendErrors() {
    }

    /** 131008: a parameter the message type needs is missing. */
    public static ApiError missingParameter(String field) {
        return ApiError.graph(400, 131008, "OAuthException", "(#131008) Required parameter is missing", null, field + " is required");
    }

    /** 131009: a parameter breaks a rule (length in code points, count, format); details name the field. */
    public static ApiError invalidParameter(String field, String rule) {
        return ApiError.graph(400, 131009, "OAuthException", "(#131009) Parameter value is not valid", null, field + " " + rule);
    }

    /** A published request-schema rule broken by a send body: missing → 131008, anything else → 131009. */
    public static ApiError schemaViolation(String field, String rule) {
        return "is required".equals(rule) ? missingParameter(field) : invalidParameter(field, rule);
    }

    /** 132001: no template of that name and language in the number's WhatsApp Business account, or not approved. */
    public static ApiError templateNotFound(String name, String language) {
        return ApiError.graph(404, 132001, "OAuthException", "(#132001) Template name does not exist in the translation", null,
                "template name (" + name + ") does not exist in " + language);
    }

    /** 132000: the send gives a different number of parameters than the template component has placeholders. */
    public static ApiError templateParameterCount(String component, int given, int expected) {
        return ApiError.graph(400, 132000, "OAuthException", "(#132000) Number of parameters does not match the expected number of params",
                null, component + ": number of localizable_params (" + given + ") does not match the expected number of params ("
                      + expected + ")");
    }

    /** 132015: the template was paused for low quality. */
    public static ApiError templatePaused(String name) {
        return ApiError.graph(400, 132015, "OAuthException", "(#132015) Template is paused", null,
                "Template " + name + " is paused due to low quality, so it cannot be sent in a template message.");
    }

    /** 132016: the template was disabled. */
    public static ApiError templateDisabled(String name) {
        return ApiError.graph(400, 132016, "OAuthException", "(#132016) Template has been disabled", null,
                "Template " + name + " has been disabled due to low quality, so it cannot be sent in a template message.");
    }

    /** Kapso's own refusal (not a Graph object): the contact stopped marketing messages on this number. */
    public static ApiError marketingPreferenceStopped() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", "Contact stopped marketing messages on this WhatsApp number");
        body.put("code", "marketing_preference_stopped");
        return ApiError.raw(422, body);
    }

    /** Kapso's documented answer to a recipient that is not a phone number. */
    public static ApiError invalidPhoneNumber(String to) {
        return ApiError.graph(400, 400, "OAuthException", "Invalid phone number format", 1001,
                "to " + to + " is not a phone number in E.164 format");
    }
}
