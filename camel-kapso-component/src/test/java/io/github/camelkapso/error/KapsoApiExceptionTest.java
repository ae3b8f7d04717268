package io.github.camelkapso.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KapsoApiExceptionTest {

    @Test
    void builderDefaultsAreSafe() {
        KapsoErrorDetails details = KapsoErrorDetails.builder(418).build();

        assertThat(details.errorMessage()).isEqualTo("HTTP 418");
        assertThat(details.category()).isEqualTo(KapsoErrorCategory.UNKNOWN);
        assertThat(details.errors()).isEmpty();
        assertThat(details.retryable()).isFalse();
        assertThat(KapsoApiException.of(details).getMessage()).isEqualTo("Kapso request failed: HTTP 418 (UNKNOWN)");
    }

    @Test
    void ofPicksTheSubclassAndKeepsEveryField() {
        KapsoErrorDetails details = KapsoErrorDetails.builder(429)
                .operationId("listTemplates")
                .errorMessage("(#130429) Rate limit hit")
                .code(130429)
                .type("OAuthException")
                .fbtraceId("AbC")
                .errors(List.of("a"))
                .retryAfter(Duration.ofMillis(1500))
                .category(KapsoErrorCategory.THROTTLING)
                .retryable(true)
                .build();

        KapsoApiException e = KapsoApiException.of(details);

        assertThat(e).isInstanceOf(KapsoRateLimitException.class);
        assertThat(e.getDetails()).isSameAs(details);
        assertThat(e.getCode()).isEqualTo(130429);
        assertThat(e.getMessage()).isEqualTo("Kapso listTemplates failed: HTTP 429 OAuthException code 130429"
                + " (THROTTLING): (#130429) Rate limit hit [errors: a] [retry after 1500ms] [fbtrace_id=AbC]");
    }

    @Test
    void classifierIsUsableForWebhookStatusCodes() {
        assertThat(KapsoErrorClassifier.forMetaCode(131047)).contains(KapsoErrorCategory.REENGAGEMENT_WINDOW);
        assertThat(KapsoErrorClassifier.forMetaCode(null)).isEmpty();
        assertThat(KapsoErrorClassifier.forMetaCode(424242)).isEmpty();
        assertThat(KapsoErrorClassifier.forStatus(418)).isEqualTo(KapsoErrorCategory.UNKNOWN);
        assertThat(KapsoErrorClassifier.forStatus(507)).isEqualTo(KapsoErrorCategory.SERVER);
    }
}
