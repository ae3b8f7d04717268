package io.github.camelkapso.error;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KapsoErrorParserTest {

    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static KapsoApiException parse(int status, String body) {
        return parse(status, body, Map.of());
    }

    private static KapsoApiException parse(int status, String body, Map<String, String> headers) {
        HttpHeaders httpHeaders = HttpHeaders.of(
                headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
                (name, value) -> true);
        byte[] bytes = body == null ? null : body.getBytes(UTF_8);
        return KapsoErrorParser.parse("sendMessage", status, httpHeaders, bytes, CLOCK);
    }

    private static String graphError(int code, String type, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":" + code
                + ",\"fbtrace_id\":\"AXk7s\"}}";
    }

    // ---- Meta Graph error object -------------------------------------------------------------

    @Test
    void readsEveryFieldOfAMetaGraphError() {
        String body = """
                {"error":{"message":"(#131047) Re-engagement message","type":"MessageError","code":131047,
                 "error_subcode":2494010,"fbtrace_id":"AXk7s_8dR4eVHp9Kq2MmNlO",
                 "error_data":{"messaging_product":"whatsapp",
                               "details":"Message failed to send because more than 24 hours have passed"}}}""";

        KapsoApiException e = parse(422, body);

        assertThat(e).isInstanceOf(KapsoValidationException.class);
        assertThat(e.getHttpStatus()).isEqualTo(422);
        assertThat(e.getOperationId()).isEqualTo("sendMessage");
        assertThat(e.getErrorMessage()).isEqualTo("(#131047) Re-engagement message");
        assertThat(e.getCode()).isEqualTo(131047);
        assertThat(e.getSubcode()).isEqualTo(2494010);
        assertThat(e.getType()).isEqualTo("MessageError");
        assertThat(e.getFbtraceId()).isEqualTo("AXk7s_8dR4eVHp9Kq2MmNlO");
        assertThat(e.getErrorDetails()).isEqualTo("Message failed to send because more than 24 hours have passed");
        assertThat(e.getPlatformCode()).isNull();
        assertThat(e.getErrors()).isEmpty();
        assertThat(e.getResponseBody()).isEqualTo(body);
        assertThat(e.getRetryAfter()).isNull();
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.REENGAGEMENT_WINDOW);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("Kapso sendMessage failed: HTTP 422 MessageError code 131047"
                + " subcode 2494010 (REENGAGEMENT_WINDOW): (#131047) Re-engagement message"
                + " - Message failed to send because more than 24 hours have passed"
                + " [fbtrace_id=AXk7s_8dR4eVHp9Kq2MmNlO]");
    }

    @Test
    void graphErrorWithoutCodeLeavesCodeNullAndFallsBackToStatus() {
        KapsoApiException e = parse(403, "{\"error\":{\"message\":\"Active sandbox session required to send messages\","
                + "\"type\":\"OAuthException\"}}");

        assertThat(e).isInstanceOf(KapsoAuthenticationException.class);
        assertThat(e.getCode()).isNull();
        assertThat(e.getType()).isEqualTo("OAuthException");
        assertThat(e.getErrorMessage()).isEqualTo("Active sandbox session required to send messages");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.PERMISSION);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void graphErrorUsesUserMessageWhenErrorDataIsMissing() {
        KapsoApiException e = parse(400, "{\"error\":{\"message\":\"Invalid parameter\",\"type\":\"OAuthException\","
                + "\"code\":100,\"error_user_msg\":\"Parameter 'to' is not a phone number\"}}");

        assertThat(e.getErrorDetails()).isEqualTo("Parameter 'to' is not a phone number");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.VALIDATION);
    }

    @ParameterizedTest(name = "code {0} at HTTP {1} -> {2}, retryable={3}")
    @CsvSource({
        "131047, 422, REENGAGEMENT_WINDOW, false",
        "130429, 429, THROTTLING,          true",
        "131056, 400, THROTTLING,          true",
        "131048, 400, THROTTLING,          true",
        "80007,  400, THROTTLING,          true",
        "190,    401, AUTHORIZATION,       false",
        "0,      401, AUTHORIZATION,       false",
        "10,     403, PERMISSION,          false",
        "250,    403, PERMISSION,          false",
        "368,    403, INTEGRITY,           false",
        "130497, 403, INTEGRITY,           false",
        "131031, 403, INTEGRITY,           false",
        "131050, 400, MARKETING_OPT_OUT,   false",
        "131049, 400, REACHABILITY,        false",
        "131026, 400, REACHABILITY,        false",
        "1026,   422, REACHABILITY,        false",
        "132001, 404, TEMPLATE,            false",
        "131052, 400, MEDIA,               false",
        "133010, 400, PHONE_REGISTRATION,  false",
        "131042, 400, PAYMENT,             false",
        "100,    400, VALIDATION,          false",
        "33,     400, NOT_FOUND,           false",
        "131000, 500, SERVER,              true",
        "404,    404, NOT_FOUND,           false",
        "999999, 500, SERVER,              true",
        "999999, 400, VALIDATION,          false"
    })
    void categorisesMetaCodes(int code, int status, KapsoErrorCategory category, boolean retryable) {
        KapsoApiException e = parse(status, graphError(code, "OAuthException", "boom"));

        assertThat(e.getCode()).isEqualTo(code);
        assertThat(e.getCategory()).isEqualTo(category);
        assertThat(e.isRetryable()).isEqualTo(retryable);
    }

    // ---- Platform error shapes ---------------------------------------------------------------

    @Test
    void readsPlatformStringError() {
        KapsoApiException e = parse(401, "{\"error\":\"Invalid API key\"}");

        assertThat(e).isInstanceOf(KapsoAuthenticationException.class);
        assertThat(e.getErrorMessage()).isEqualTo("Invalid API key");
        assertThat(e.getCode()).isNull();
        assertThat(e.getType()).isNull();
        assertThat(e.getPlatformCode()).isNull();
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.AUTHORIZATION);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("Kapso sendMessage failed: HTTP 401 (AUTHORIZATION): Invalid API key");
    }

    @Test
    void readsPlatformErrorWithMessageAndRetryAfterSeconds() {
        KapsoApiException e = parse(429,
                "{\"error\":\"Rate limit exceeded\",\"message\":\"Limit of 100 requests per minute reached\"}",
                Map.of("Retry-After", "60", "X-RateLimit-Remaining", "0"));

        assertThat(e).isInstanceOf(KapsoRateLimitException.class);
        assertThat(e.getErrorMessage()).isEqualTo("Rate limit exceeded");
        assertThat(e.getErrorDetails()).isEqualTo("Limit of 100 requests per minute reached");
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.THROTTLING);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("Kapso sendMessage failed: HTTP 429 (THROTTLING): Rate limit exceeded"
                + " - Limit of 100 requests per minute reached [retry after 60s]");
    }

    @Test
    void readsRetryAfterAsHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));

        KapsoApiException e = parse(429, "{\"error\":\"Burst rate limit exceeded\"}", Map.of("retry-after", date));

        assertThat(date).isEqualTo("Wed, 15 Jan 2025 10:01:30 GMT");
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void retryAfterInThePastIsZeroAndGarbageIsIgnored() {
        assertThat(parse(429, "", Map.of("Retry-After", "Wed, 15 Jan 2025 09:00:00 GMT")).getRetryAfter())
                .isEqualTo(Duration.ZERO);
        assertThat(parse(429, "", Map.of("Retry-After", "soon")).getRetryAfter()).isNull();
        assertThat(parse(429, "", Map.of("Retry-After", "-5")).getRetryAfter()).isNull();
        assertThat(parse(429, "", Map.of("Retry-After", "1.5")).getRetryAfter()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void readsPlatformStringCode() {
        KapsoApiException e = parse(403, "{\"error\":\"Findings are not enabled for this project\","
                + "\"code\":\"findings_not_enabled\"}");

        assertThat(e.getErrorMessage()).isEqualTo("Findings are not enabled for this project");
        assertThat(e.getPlatformCode()).isEqualTo("findings_not_enabled");
        assertThat(e.getCode()).isNull();
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.PERMISSION);
    }

    @Test
    void readsLegacyCodeAndMessage() {
        KapsoApiException e = parse(401, "{\"error\":\"unauthorized\",\"message\":\"API key is invalid\"}");

        assertThat(e.getPlatformCode()).isEqualTo("unauthorized");
        assertThat(e.getErrorMessage()).isEqualTo("API key is invalid");
        assertThat(e.getErrorDetails()).isNull();
    }

    @Test
    void flattensRailsErrorsMap() {
        KapsoApiException e = parse(422, """
                {"errors":{"email":["is invalid","can't be blank"],"title":"is too long","base":["Quota reached"]}}""");

        assertThat(e).isInstanceOf(KapsoValidationException.class);
        assertThat(e.getErrors())
                .containsExactly("email: is invalid", "email: can't be blank", "title: is too long", "Quota reached");
        assertThat(e.getErrorMessage())
                .isEqualTo("email: is invalid; email: can't be blank; title: is too long; Quota reached");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.VALIDATION);
        assertThat(e.getMessage()).isEqualTo("Kapso sendMessage failed: HTTP 422 (VALIDATION): "
                + "email: is invalid; email: can't be blank; title: is too long; Quota reached");
    }

    @Test
    void readsValidationErrorsArray() {
        KapsoApiException e = parse(422, """
                {"error":"Flow JSON is invalid","validation_errors":["Missing screen id",
                 {"error":"INVALID","message":"Unknown component 'Foo'"}, 7]}""");

        assertThat(e.getErrorMessage()).isEqualTo("Flow JSON is invalid");
        assertThat(e.getErrors()).containsExactly("Missing screen id", "Unknown component 'Foo'", "7");
        assertThat(e.getMessage()).endsWith(
                "(VALIDATION): Flow JSON is invalid [errors: Missing screen id; Unknown component 'Foo'; 7]");
    }

    @Test
    void listsAtMostFiveErrorsInTheMessage() {
        KapsoApiException e = parse(422, "{\"error\":\"Invalid\",\"validation_errors\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\"]}");

        assertThat(e.getErrors()).hasSize(7);
        assertThat(e.getMessage()).endsWith("[errors: a; b; c; d; e; +2 more]");
    }

    @Test
    void readsLegacyPaginationLimitMessage() {
        KapsoApiException e = parse(400, """
                {"message":"legacy_offset_pagination_limit_exceeded",
                 "detail":"page * per_page must be <= 5000; use cursor pagination",
                 "requested_page":120,"requested_per_page":50,"max_window":5000}""");

        assertThat(e).isInstanceOf(KapsoValidationException.class);
        assertThat(e.getPlatformCode()).isEqualTo("legacy_offset_pagination_limit_exceeded");
        assertThat(e.getErrorMessage()).isEqualTo("page * per_page must be <= 5000; use cursor pagination");
        assertThat(e.getErrorDetails()).isNull();
        assertThat(e.getResponseBody()).contains("\"max_window\":5000");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.VALIDATION);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void readsFunctionFailureDetail() {
        KapsoApiException e = parse(500, "{\"error\":\"Function execution failed\","
                + "\"detail\":\"TypeError: x is undefined\",\"invocation_id\":\"inv_1\"}");

        assertThat(e).isInstanceOf(KapsoServerException.class);
        assertThat(e.getErrorMessage()).isEqualTo("Function execution failed");
        assertThat(e.getErrorDetails()).isEqualTo("TypeError: x is undefined");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.SERVER);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void readsFundingUpstreamError() {
        KapsoApiException e = parse(502, "{\"error\":\"Meta rejected the funding request\","
                + "\"error_kind\":\"meta_error\",\"meta_error_code\":131000,\"meta_trace_id\":\"Ab12\"}");

        assertThat(e.getPlatformCode()).isEqualTo("meta_error");
        assertThat(e.getCode()).isEqualTo(131000);
        assertThat(e.getFbtraceId()).isEqualTo("Ab12");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.SERVER);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void serviceUnavailableIsUpstreamAndRetryable() {
        KapsoApiException e = parse(503, "{\"error\":\"Queue unavailable\"}");

        assertThat(e).isInstanceOf(KapsoServerException.class);
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.UPSTREAM);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void plainInternalServerErrorIsServerAndRetryable() {
        KapsoApiException e = parse(500, "{\"error\":\"Internal server error\"}");

        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.SERVER);
        assertThat(e.isRetryable()).isTrue();
    }

    // ---- Kapso-specific proxy errors ---------------------------------------------------------

    @Test
    void insufficientCreditsIsPaymentAndNotRetryable() {
        KapsoApiException e = parse(402, "{\"error\":\"Insufficient credits\",\"code\":\"insufficient_credits\","
                + "\"billing_url\":\"https://app.kapso.ai/projects/p1/billing\"}");

        assertThat(e.getClass()).isEqualTo(KapsoApiException.class);
        assertThat(e.getPlatformCode()).isEqualTo("insufficient_credits");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.PAYMENT);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage())
                .isEqualTo("Kapso sendMessage failed: HTTP 402 insufficient_credits (PAYMENT): Insufficient credits");
    }

    @Test
    void marketingOptOutIsNeverRetryableEvenWithRetryAfter() {
        KapsoApiException e = parse(422, "{\"error\":\"Contact stopped marketing messages on this WhatsApp number\","
                + "\"code\":\"marketing_preference_stopped\"}", Map.of("Retry-After", "30"));

        assertThat(e).isInstanceOf(KapsoValidationException.class);
        assertThat(e.getPlatformCode()).isEqualTo("marketing_preference_stopped");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.MARKETING_OPT_OUT);
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void reengagementWindowIsNeverRetryableEvenWithRetryAfter() {
        KapsoApiException e = parse(422, graphError(131047, "MessageError", "Re-engagement message"),
                Map.of("Retry-After", "5"));

        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void inFlightConflictIsRetryable() {
        KapsoApiException e = parse(409, "{\"error\":\"Another message is already in-flight for this conversation."
                + " Please retry shortly.\"}");

        assertThat(e.getClass()).isEqualTo(KapsoApiException.class);
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.CONFLICT);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void otherConflictsAreNotRetryableUnlessTheServerSaysWhen() {
        String body = "{\"error\":\"Stale lock_version\"}";

        assertThat(parse(409, body).isRetryable()).isFalse();
        assertThat(parse(409, body, Map.of("Retry-After", "2")).isRetryable()).isTrue();
    }

    @Test
    void payloadTooLargeHasItsOwnCategory() {
        KapsoApiException e = parse(413, "{\"error\":\"File too large\"}");

        assertThat(e.getClass()).isEqualTo(KapsoApiException.class);
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.PAYLOAD_TOO_LARGE);
        assertThat(e.isRetryable()).isFalse();
    }

    // ---- Subclass by status ------------------------------------------------------------------

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "400, io.github.camelkapso.error.KapsoValidationException",
        "401, io.github.camelkapso.error.KapsoAuthenticationException",
        "402, io.github.camelkapso.error.KapsoApiException",
        "403, io.github.camelkapso.error.KapsoAuthenticationException",
        "404, io.github.camelkapso.error.KapsoNotFoundException",
        "409, io.github.camelkapso.error.KapsoApiException",
        "413, io.github.camelkapso.error.KapsoApiException",
        "422, io.github.camelkapso.error.KapsoValidationException",
        "429, io.github.camelkapso.error.KapsoRateLimitException",
        "500, io.github.camelkapso.error.KapsoServerException",
        "502, io.github.camelkapso.error.KapsoServerException",
        "503, io.github.camelkapso.error.KapsoServerException",
        "504, io.github.camelkapso.error.KapsoServerException"
    })
    void choosesSubclassByStatus(int status, Class<?> expected) {
        KapsoApiException e = parse(status, "{\"error\":\"x\"}");

        assertThat(e.getClass()).isEqualTo(expected);
        assertThat(e).isInstanceOf(KapsoException.class);
        assertThat(e.getHttpStatus()).isEqualTo(status);
    }

    // ---- Bodies that are not JSON ------------------------------------------------------------

    @Test
    void nonJsonHtmlBodyFallsBackToHttpStatus() {
        String html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>cloudflare</body>\n</html>";

        KapsoApiException e = parse(502, html);

        assertThat(e).isInstanceOf(KapsoServerException.class);
        assertThat(e.getErrorMessage()).isEqualTo("HTTP 502");
        assertThat(e.getResponseBody()).isEqualTo(html);
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.UPSTREAM);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("Kapso sendMessage failed: HTTP 502 (UPSTREAM)");
    }

    @Test
    void shortPlainTextBodyBecomesTheMessage() {
        KapsoApiException e = parse(504, "Gateway Timeout");

        assertThat(e.getErrorMessage()).isEqualTo("Gateway Timeout");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.UPSTREAM);
    }

    @Test
    void malformedJsonStillYieldsAnException() {
        KapsoApiException e = parse(400, "{\"error\": \"unterminated");

        assertThat(e).isInstanceOf(KapsoValidationException.class);
        assertThat(e.getErrorMessage()).isEqualTo("{\"error\": \"unterminated");
        assertThat(e.getResponseBody()).isEqualTo("{\"error\": \"unterminated");
    }

    @Test
    void jsonThatIsNotAnObjectIsTolerated() {
        assertThat(parse(500, "[1,2,3]").getErrorMessage()).isEqualTo("HTTP 500");
        assertThat(parse(500, "\"Something broke\"").getErrorMessage()).isEqualTo("Something broke");
        assertThat(parse(500, "{\"error\":null,\"code\":[1]}").getErrorMessage()).isEqualTo("HTTP 500");
    }

    @Test
    void absurdlyNestedJsonDoesNotThrow() {
        String body = "[".repeat(5000) + "]".repeat(5000);

        KapsoApiException e = parse(500, body);

        assertThat(e.getErrorMessage()).isEqualTo("HTTP 500");
        assertThat(e.getResponseBody()).hasSize(KapsoErrorParser.MAX_BODY_CHARS);
    }

    @Test
    void emptyBodyFallsBackToHttpStatus() {
        KapsoApiException e = parse(503, "");

        assertThat(e.getErrorMessage()).isEqualTo("HTTP 503");
        assertThat(e.getResponseBody()).isEmpty();
        assertThat(e.getCode()).isNull();
        assertThat(e.getErrors()).isEmpty();
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.UPSTREAM);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("Kapso sendMessage failed: HTTP 503 (UPSTREAM)");
    }

    @Test
    void nullBodyHeadersAndOperationAreTolerated() {
        KapsoApiException e = KapsoErrorParser.parse(null, 404, null, null);

        assertThat(e).isInstanceOf(KapsoNotFoundException.class);
        assertThat(e.getOperationId()).isNull();
        assertThat(e.getResponseBody()).isEmpty();
        assertThat(e.getRetryAfter()).isNull();
        assertThat(e.getMessage()).isEqualTo("Kapso request failed: HTTP 404 (NOT_FOUND)");
    }

    @Test
    void truncatesLongBodies() {
        String detail = "x".repeat(10_000);
        String body = "{\"error\":\"Too much\",\"detail\":\"" + detail + "\"}";

        KapsoApiException e = parse(500, body);

        assertThat(e.getResponseBody()).hasSize(4096).isEqualTo(body.substring(0, 4096));
        assertThat(e.getErrorDetails()).isEqualTo(detail);
    }

    @Test
    void truncationDoesNotSplitASurrogatePair() {
        String body = "a".repeat(4095) + "\uD83D\uDE00" + "tail";

        KapsoApiException e = parse(500, body);

        assertThat(e.getResponseBody()).hasSize(4095).isEqualTo("a".repeat(4095));
    }

    // ---- Hygiene -----------------------------------------------------------------------------

    @Test
    void messageNeverDumpsHeaders() {
        KapsoApiException e = parse(401, "{\"error\":\"Invalid API key\"}",
                Map.of("X-Request-Id", "req-secret-123", "Set-Cookie", "session=abc"));

        assertThat(e.getMessage()).doesNotContain("req-secret-123").doesNotContain("session=abc");
        assertThat(e.toString()).doesNotContain("req-secret-123");
    }

    @Test
    void errorListIsImmutable() {
        KapsoApiException e = parse(422, "{\"errors\":{\"name\":[\"is missing\"]}}");

        assertThatThrownBy(() -> e.getErrors().add("more")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void requestExceptionIsAKapsoException() {
        IllegalStateException cause = new IllegalStateException("bad json");
        KapsoRequestException e = new KapsoRequestException("Missing path parameter phone_number_id", cause);

        assertThat(e).isInstanceOf(KapsoException.class).hasMessage("Missing path parameter phone_number_id")
                .hasCause(cause);
    }
}
