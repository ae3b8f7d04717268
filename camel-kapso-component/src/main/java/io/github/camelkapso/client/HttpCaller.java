package io.github.camelkapso.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.github.camelkapso.error.KapsoTransportException;
import io.github.camelkapso.error.RetryAfterParser;

/**
 * Sends prepared calls with the JDK client, asynchronously: waits out the per-number throttle and retries as the
 * {@link RetryPolicy} allows, without holding a thread between attempts.
 */
final class HttpCaller {

    /** The final answer of a call and how many attempts it took. */
    record Reply(HttpResponse<byte[]> response, int attempts) {
    }

    private final HttpClient client;
    private final KapsoClientSettings settings;
    private final RetryPolicy retryPolicy;
    private final SendThrottle throttle;

    HttpCaller(HttpClient client, KapsoClientSettings settings, SendThrottle throttle) {
        this.client = client;
        this.settings = settings;
        this.retryPolicy = new RetryPolicy(settings);
        this.throttle = throttle;
    }

    CompletableFuture<Reply> call(KapsoRequest call) {
        return attempt(call, 1);
    }

    private CompletableFuture<Reply> attempt(KapsoRequest call, int attempt) {
        long waitNanos = settings.throttled() && call.throttleKey() != null
                ? throttle.reserve(call.throttleKey(), settings.throttleRate()) : 0;
        CompletableFuture<HttpResponse<byte[]>> sent = waitNanos > 0
                ? after(waitNanos, TimeUnit.NANOSECONDS).thenCompose(v -> send(call))
                : send(call);
        return sent.handle((response, error) -> {
            if (error == null && response.statusCode() < 400) {
                return CompletableFuture.completedFuture(new Reply(response, attempt));
            }
            Throwable failure = ioCause(unwrap(error));
            int status = response != null ? response.statusCode() : 0;
            Duration retryAfter = response != null
                    ? response.headers().firstValue("Retry-After").map(RetryAfterParser::parse).orElse(null) : null;
            Optional<Duration> delay = retryPolicy.nextDelay(call.operation(), attempt, status, retryAfter, failure);
            if (delay.isPresent()) {
                return after(delay.get().toNanos(), TimeUnit.NANOSECONDS).thenCompose(v -> attempt(call, attempt + 1));
            }
            if (failure != null) {
                return CompletableFuture.<Reply>failedFuture(failure instanceof IOException
                        ? new KapsoTransportException(call.operation().id(), call.describeTarget(settings), attempt, failure) : failure);
            }
            return CompletableFuture.completedFuture(new Reply(response, attempt));
        }).thenCompose(f -> f);
    }

    private CompletableFuture<HttpResponse<byte[]>> send(KapsoRequest call) {
        try {
            return client.sendAsync(call.toHttpRequest(settings), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IllegalArgumentException e) {
            // the JDK names the offending header value in its message: it may be a secret, so say less
            return CompletableFuture.failedFuture(new io.github.camelkapso.error.KapsoRequestException(
                    "Kapso " + call.operation().id() + ": the request cannot be built: a header name or value is not"
                    + " allowed in HTTP (control characters or a restricted header); headers sent: " + call.headers().keySet()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletableFuture<Void> after(long delay, TimeUnit unit) {
        return CompletableFuture.runAsync(() -> {
        }, CompletableFuture.delayedExecutor(delay, unit));
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The JDK client reports some I/O failures (an invalid redirect) as UncheckedIOException: they are I/O too. */
    private static Throwable ioCause(Throwable t) {
        return t instanceof UncheckedIOException && t.getCause() != null ? t.getCause() : t;
    }
}
