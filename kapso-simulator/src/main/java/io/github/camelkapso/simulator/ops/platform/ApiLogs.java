package io.github.camelkapso.simulator.ops.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * The record of the API calls the project made, as {@code GET /api_logs} and log search read it. The HTTP server
 * calls {@link #record} for every authenticated request; call it on the simulator's event loop.
 */
public final class ApiLogs {

    /** Oldest records are dropped beyond this many (in chunks of {@link #TRIM_CHUNK}). */
    static final int CAPACITY = 10_000;
    static final int TRIM_CHUNK = 500;
    static final String API_KEY_NAME = "Simulator API key";

    private final SimContext ctx;
    private final Store logs;
    private final String apiKeyId = Ids.uuid();

    private ApiLogs(SimContext ctx) {
        this.ctx = ctx;
        this.logs = ctx.state().store(Stores.API_LOGS);
    }

    /** The one instance of a simulator. */
    public static ApiLogs of(SimContext ctx) {
        return ctx.shared(ApiLogs.class, () -> new ApiLogs(ctx));
    }

    /** Records a call without timing or client details. */
    public ObjectNode record(String method, String path, int status) {
        return record(method, path, status, 0, null, null);
    }

    /**
     * Records one call.
     *
     * @param method         HTTP method
     * @param path           the path called, without the query (e.g. /platform/v1/whatsapp/broadcasts)
     * @param status         the HTTP status answered
     * @param responseMillis how long the answer took
     * @param ipAddress      the caller's address, or null
     * @param errorMessage   the error answered (for status >= 400), or null
     */
    public ObjectNode record(String method, String path, int status, long responseMillis, String ipAddress, String errorMessage) {
        ObjectNode log = SimState.object();
        log.put("id", Ids.uuid());
        log.put("endpoint", path);
        log.put("http_method", method);
        log.put("response_status", status);
        log.put("response_time_ms", responseMillis);
        log.put("ip_address", ipAddress);
        log.put("error_message", status >= 400 ? errorMessage : null);
        log.put("created_at", ctx.clock().iso());
        log.put("api_key_id", apiKeyId);
        log.put("api_key_name", API_KEY_NAME);
        logs.put(log);
        if (logs.size() >= CAPACITY + TRIM_CHUNK) {
            logs.removeOldest(logs.size() - CAPACITY);
        }
        return log;
    }

    Store store() {
        return logs;
    }
}
