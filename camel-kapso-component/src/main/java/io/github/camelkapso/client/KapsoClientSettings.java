package io.github.camelkapso.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link KapsoClient} reaches Kapso: where, with which key, and how patiently.
 *
 * @param baseUrl       Kapso's root URL, e.g. {@code https://api.kapso.ai}
 * @param graphVersion  the Graph API version of the WhatsApp proxy paths, e.g. {@code v24.0}
 * @param apiKey        the project API key sent as {@code X-API-Key}, or null
 * @param requestTimeout how long one HTTP attempt may take
 * @param maxRetries    attempts after the first one that the {@link RetryPolicy} may make
 * @param retryDelay    the first back-off delay, doubled per attempt (with jitter)
 * @param maxRetryDelay the longest delay between two attempts, Retry-After included
 * @param throttleRate  message sends per second per phone number, or 0 for no throttle
 */
public record KapsoClientSettings(String baseUrl, String graphVersion, String apiKey, Duration requestTimeout,
                                  int maxRetries, Duration retryDelay, Duration maxRetryDelay, double throttleRate) {

    public KapsoClientSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(graphVersion, "graphVersion");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The defaults of the component: Kapso's public API, v24.0, 30 s per attempt, 3 retries from 500 ms to 30 s. */
    public static KapsoClientSettings defaults(String apiKey) {
        return new KapsoClientSettings("https://api.kapso.ai", "v24.0", apiKey, Duration.ofSeconds(30), 3,
                Duration.ofMillis(500), Duration.ofSeconds(30), 0);
    }

    boolean throttled() {
        return throttleRate > 0;
    }

    /** The URL prefix of an operation's base: the versioned or unversioned WhatsApp proxy, or the Platform API. */
    String root(io.github.camelkapso.catalog.KapsoOperation.Base base) {
        switch (base) {
            case META:
                return baseUrl + "/meta/whatsapp/" + graphVersion;
            case META_UNVERSIONED:
                return baseUrl + "/meta/whatsapp";
            default:
                return baseUrl + "/platform/v1";
        }
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "KapsoClientSettings[baseUrl=" + baseUrl + ", graphVersion=" + graphVersion + ", apiKey="
               + (apiKey == null || apiKey.isEmpty() ? "none" : "xxxxxx") + ", requestTimeout=" + requestTimeout
               + ", maxRetries=" + maxRetries + ", retryDelay=" + retryDelay + ", maxRetryDelay=" + maxRetryDelay
               + ", throttleRate=" + throttleRate + "]";
    }
}
