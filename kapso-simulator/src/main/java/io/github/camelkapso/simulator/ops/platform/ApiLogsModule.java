package io.github.camelkapso.simulator.ops.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;

/**
 * The project's API logs ({@code GET /api_logs}), recorded by {@link ApiLogs}. Rules:
 * <ul>
 * <li>each log carries id, endpoint, http_method, response_status, response_time_ms, ip_address, error_message (for
 * statuses of 400 and above), created_at, api_key_id and api_key_name;</li>
 * <li>newest first, cursor-paginated ({@code limit} 1-100, default 20, {@code after}/{@code before});</li>
 * <li>{@code period} 24h (default), 7d or 30d bounds the age (another value is 400);</li>
 * <li>{@code endpoint} matches part of the path (case-insensitive), {@code status_code} the exact status,
 * {@code errors_only=true} statuses of 400 and above;</li>
 * <li>the simulator keeps the newest {@value ApiLogs#CAPACITY} logs.</li>
 * </ul>
 */
public final class ApiLogsModule implements SimulatorModule {

    static final Map<String, Duration> PERIODS = Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7),
            "30d", Duration.ofDays(30));

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        ApiLogs logs = ApiLogs.of(ctx);
        ctx.onServedRequest(r -> logs.record(r.method(), r.path(), r.status(), r.responseMillis(), r.ipAddress(), r.errorMessage()));
        handlers.on("listApiLogs", r -> Paging.cursor(r, ApiLogs.of(ctx).store().newestFirst(filter(ctx, r), "created_at"),
                "created_at", false, 20, 100));
    }

    private static Predicate<ObjectNode> filter(SimContext ctx, SimRequest r) {
        String period = r.query("period") == null || r.query("period").isEmpty() ? "24h" : r.query("period");
        Duration age = PERIODS.get(period);
        if (age == null) {
            throw ApiError.badRequest(r.operation(), "period must be one of 24h, 7d, 30d");
        }
        java.time.Instant since = ctx.clock().now().minus(age);
        Predicate<ObjectNode> p = l -> {
            java.time.Instant at = Times.parse(l.path("created_at").asText(null));
            return at != null && !at.isBefore(since);
        };
        String endpoint = r.query("endpoint");
        if (endpoint != null && !endpoint.isEmpty()) {
            String needle = endpoint.toLowerCase(Locale.ROOT);
            p = p.and(l -> l.path("endpoint").asText().toLowerCase(Locale.ROOT).contains(needle));
        }
        String status = r.query("status_code");
        if (status != null && !status.isEmpty()) {
            int code = r.intQuery("status_code", 0, 100, 599);
            p = p.and(l -> l.path("response_status").asInt() == code);
        }
        if (Boolean.parseBoolean(r.query("errors_only"))) {
            p = p.and(l -> l.path("response_status").asInt() >= 400);
        }
        return p;
    }
}
