package io.github.camelkapso.producer;

import java.util.Map;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoAuthenticationException;
import io.github.camelkapso.error.KapsoErrorCategory;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoRateLimitException;
import io.github.camelkapso.error.KapsoServerException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every non-2xx answer fails the exchange with the exception class of its status, carrying what Meta or Kapso said:
 * codes, trace id, messages, category and retry advice. Driven through Camel against the stub over real HTTP.
 */
class ErrorMappingTest extends KapsoProducerTestBase {

    private static final String SEND = "kapso:sendMessage?phoneNumberId=1065&maxRetries=0";
    private static final String GET_BROADCAST = "kapso:getBroadcast?maxRetries=0";
    private static final Map<String, Object> MESSAGE = Map.of("messaging_product", "whatsapp", "to", "15551234567",
            "type", "text", "text", Map.of("body", "hi"));

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(KapsoRateLimitException.class)
                        .handled(true)
                        .setHeader("handledBy", constant("rateLimit"))
                        .setBody(simple("retry after ${exception.retryAfter.toSeconds}s, category ${exception.category}"));
                onException(KapsoApiException.class)
                        .handled(true)
                        .setHeader("handledBy", constant("api"))
                        .setBody(simple("${exception.httpStatus}"));

                from("direct:send").to(SEND).setBody(constant("sent"));
            }
        };
    }

    private static String graphError(String message, String type, int code, Integer subcode, String details) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":" + code
               + (subcode == null ? "" : ",\"error_subcode\":" + subcode)
               + (details == null ? "" : ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + details + "\"}")
               + ",\"fbtrace_id\":\"AbC-trace_" + code + "\"}}";
    }

    private <T extends KapsoApiException> T failWith(String uri, Map<String, Object> headers, StubResponse answer,
            Class<T> expected) {
        stub.respond(r -> answer);
        Exchange result = send(uri, uri.startsWith("kapso:sendMessage") ? MESSAGE : null, headers);
        assertThat(stub.requests()).hasSize(1);
        assertThat(result.getException()).isExactlyInstanceOf(expected);
        return expected.cast(result.getException());
    }

    @Test
    void badRequestOutsideTheWindowIsValidationWithMetaDetailsAndNotRetryable() {
        KapsoValidationException e = failWith(SEND, Map.of(), StubResponse.json(400, graphError(
                "Re-engagement message", "OAuthException", 131047, 2494010,
                "Message failed to send because more than 24 hours have passed since the customer last replied")),
                KapsoValidationException.class);

        assertThat(e.getHttpStatus()).isEqualTo(400);
        assertThat(e.getOperationId()).isEqualTo("sendMessage");
        assertThat(e.getCode()).isEqualTo(131047);
        assertThat(e.getSubcode()).isEqualTo(2494010);
        assertThat(e.getType()).isEqualTo("OAuthException");
        assertThat(e.getFbtraceId()).isEqualTo("AbC-trace_131047");
        assertThat(e.getErrorMessage()).isEqualTo("Re-engagement message");
        assertThat(e.getErrorDetails()).contains("more than 24 hours");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.REENGAGEMENT_WINDOW);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getResponseBody()).contains("\"code\":131047");
        assertThat(e.getMessage()).contains("sendMessage", "HTTP 400", "131047", "REENGAGEMENT_WINDOW",
                "fbtrace_id=AbC-trace_131047");
    }

    @Test
    void unauthorizedIsAuthentication() {
        KapsoAuthenticationException e = failWith(SEND, Map.of(), StubResponse.json(401, graphError(
                "Invalid OAuth access token", "OAuthException", 190, 463, null)), KapsoAuthenticationException.class);

        assertThat(e.getHttpStatus()).isEqualTo(401);
        assertThat(e.getOperationId()).isEqualTo("sendMessage");
        assertThat(e.getCode()).isEqualTo(190);
        assertThat(e.getSubcode()).isEqualTo(463);
        assertThat(e.getType()).isEqualTo("OAuthException");
        assertThat(e.getFbtraceId()).isEqualTo("AbC-trace_190");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.AUTHORIZATION);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void forbiddenPlatformAnswerKeepsItsMessage() {
        KapsoAuthenticationException e = failWith(SEND, Map.of(),
                StubResponse.json(403, "{\"error\":\"Active sandbox session required to send messages\"}"),
                KapsoAuthenticationException.class);

        assertThat(e.getHttpStatus()).isEqualTo(403);
        assertThat(e.getOperationId()).isEqualTo("sendMessage");
        assertThat(e.getErrorMessage()).isEqualTo("Active sandbox session required to send messages");
        assertThat(e.getMessage()).contains("Active sandbox session required to send messages");
        assertThat(e.getCode()).isNull();
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.PERMISSION);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void notFoundOnAPlatformGet() {
        KapsoNotFoundException e = failWith(GET_BROADCAST, Map.of(KapsoConstants.HEADER_PREFIX + "BroadcastId", "bc-404"),
                StubResponse.json(404, "{\"error\":\"Broadcast not found\"}"), KapsoNotFoundException.class);

        assertThat(stub.lastRequest().rawPath()).isEqualTo("/platform/v1/whatsapp/broadcasts/bc-404");
        assertThat(e.getHttpStatus()).isEqualTo(404);
        assertThat(e.getOperationId()).isEqualTo("getBroadcast");
        assertThat(e.getErrorMessage()).isEqualTo("Broadcast not found");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.NOT_FOUND);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void unprocessablePlatformAnswerListsFieldErrors() {
        KapsoValidationException e = failWith(GET_BROADCAST, Map.of(KapsoConstants.HEADER_PREFIX + "BroadcastId", "bc-1"),
                StubResponse.json(422, "{\"error\":\"Validation failed\",\"errors\":{\"name\":[\"can't be blank\"],"
                                       + "\"base\":[\"Broadcast is not a draft\"]}}"),
                KapsoValidationException.class);

        assertThat(e.getHttpStatus()).isEqualTo(422);
        assertThat(e.getOperationId()).isEqualTo("getBroadcast");
        assertThat(e.getErrorMessage()).isEqualTo("Validation failed");
        assertThat(e.getErrors()).containsExactly("name: can't be blank", "Broadcast is not a draft");
        assertThat(e.getMessage()).contains("Validation failed", "name: can't be blank");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.VALIDATION);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void tooManyRequestsIsRateLimitWithThrottlingCategoryAndRetryAfter() {
        KapsoRateLimitException e = failWith(SEND, Map.of(), StubResponse.json(429, graphError(
                "(#130429) Rate limit hit", "OAuthException", 130429, null, "Cloud API message throughput has been reached."))
                .withHeader("Retry-After", "7"), KapsoRateLimitException.class);

        assertThat(e.getHttpStatus()).isEqualTo(429);
        assertThat(e.getOperationId()).isEqualTo("sendMessage");
        assertThat(e.getCode()).isEqualTo(130429);
        assertThat(e.getFbtraceId()).isEqualTo("AbC-trace_130429");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.THROTTLING);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getRetryAfter()).hasSeconds(7);
    }

    @Test
    void internalServerErrorIsServerAndRetryable() {
        KapsoServerException e = failWith(SEND, Map.of(), StubResponse.json(500, graphError(
                "Something went wrong", "OAuthException", 131000, null, null)), KapsoServerException.class);

        assertThat(e.getHttpStatus()).isEqualTo(500);
        assertThat(e.getOperationId()).isEqualTo("sendMessage");
        assertThat(e.getCode()).isEqualTo(131000);
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.SERVER);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void serviceUnavailablePlainTextIsUpstream() {
        KapsoServerException e = failWith(GET_BROADCAST, Map.of(KapsoConstants.HEADER_PREFIX + "BroadcastId", "bc-1"),
                new StubResponse(503, Map.of("Content-Type", "text/plain"),
                        "Service Unavailable".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                KapsoServerException.class);

        assertThat(e.getHttpStatus()).isEqualTo(503);
        assertThat(e.getOperationId()).isEqualTo("getBroadcast");
        assertThat(e.getErrorMessage()).isEqualTo("Service Unavailable");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.UPSTREAM);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void paymentRequiredIsPlainApiExceptionWithPlatformCode() {
        KapsoApiException e = failWith(SEND, Map.of(), StubResponse.json(402,
                "{\"error\":\"insufficient_credits\",\"message\":\"Your project has no credits left\"}"),
                KapsoApiException.class);

        assertThat(e.getHttpStatus()).isEqualTo(402);
        assertThat(e.getOperationId()).isEqualTo("sendMessage");
        assertThat(e.getPlatformCode()).isEqualTo("insufficient_credits");
        assertThat(e.getErrorMessage()).isEqualTo("Your project has no credits left");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.PAYMENT);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void conflictInFlightIsPlainApiExceptionAndRetryable() {
        KapsoApiException e = failWith(SEND, Map.of(), StubResponse.json(409,
                "{\"error\":\"Another message is already in-flight for this conversation\"}"), KapsoApiException.class);

        assertThat(e.getHttpStatus()).isEqualTo(409);
        assertThat(e.getOperationId()).isEqualTo("sendMessage");
        assertThat(e.getErrorMessage()).isEqualTo("Another message is already in-flight for this conversation");
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.CONFLICT);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void successStatusWithABodyThatIsNotJsonFailsAsApiExceptionWithTheBody() {
        stub.respond(r -> new StubResponse(200, Map.of("Content-Type", "text/html"),
                "<html><body>Captive portal</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        Exchange result = send(GET_BROADCAST, null, Map.of(KapsoConstants.HEADER_PREFIX + "BroadcastId", "bc-1"));

        assertThat(result.getException()).isExactlyInstanceOf(KapsoApiException.class);
        KapsoApiException e = (KapsoApiException) result.getException();
        assertThat(e.getHttpStatus()).isEqualTo(200);
        assertThat(e.getOperationId()).isEqualTo("getBroadcast");
        assertThat(e.getResponseBody()).isEqualTo("<html><body>Captive portal</body></html>");
        assertThat(e.getMessage()).contains("not valid JSON", "text/html");
        assertThat(e.getCause()).isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void routeOnExceptionCatchesTheRateLimitSubclass() {
        stub.respond(r -> StubResponse.json(429, graphError("(#130429) Rate limit hit", "OAuthException", 130429, null, null))
                .withHeader("Retry-After", "3"));

        Exchange result = template.send("direct:send", ex -> ex.getMessage().setBody(MESSAGE));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader("handledBy")).isEqualTo("rateLimit");
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("retry after 3s, category THROTTLING");
        assertThat(result.getProperty(Exchange.EXCEPTION_CAUGHT)).isInstanceOf(KapsoRateLimitException.class);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void routeOnExceptionFallsBackToTheBaseClass() {
        stub.respond(r -> StubResponse.json(404, "{\"error\":\"Phone number not found\"}"));

        Exchange result = template.send("direct:send", ex -> ex.getMessage().setBody(MESSAGE));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader("handledBy")).isEqualTo("api");
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("404");
        assertThat(result.getProperty(Exchange.EXCEPTION_CAUGHT)).isInstanceOf(KapsoNotFoundException.class);
    }
}
