package io.github.camelkapso.simulator.webhooks;

import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** POSTs webhook requests with Vert.x's non-blocking client; an answer must arrive within Kapso's 10 s. */
final class WebhookHttp {

    /** Kapso's limit for the endpoint's answer; real time, not scaled, so slow receivers behave as with Kapso. */
    static final long TIMEOUT_MS = 10_000;

    private final Vertx vertx;
    private final HttpClient client;

    WebhookHttp(Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(32).setKeepAlive(true)
                .setConnectTimeout((int) TIMEOUT_MS).setTryUseCompression(false));
    }

    /** The endpoint's status code; fails on a transport error or when no full answer came within the timeout. */
    Future<Integer> post(String url, Map<String, String> headers, byte[] body) {
        RequestOptions options;
        try {
            options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url);
        } catch (RuntimeException e) {
            return Future.failedFuture("invalid webhook URL " + url + ": " + e.getMessage());
        }
        headers.forEach(options::putHeader);
        Promise<Integer> result = Promise.promise();
        HttpClientRequest[] request = new HttpClientRequest[1];
        long timer = vertx.setTimer(TIMEOUT_MS, t -> {
            if (result.tryFail(new TimeoutException("no answer within " + TIMEOUT_MS / 1000 + " s")) && request[0] != null) {
                request[0].reset();
            }
        });
        client.request(options)
                .compose(req -> {
                    request[0] = req;
                    return req.send(Buffer.buffer(body));
                })
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    if (ar.succeeded()) {
                        result.tryComplete(ar.result());
                    } else {
                        result.tryFail(ar.cause());
                    }
                });
        return result.future();
    }
}
