package io.github.camelkapso.simulator.ops.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * Kapso funding of WhatsApp accounts and portfolios ({@code /whatsapp/accounts/{waba_id}/...},
 * {@code /whatsapp/portfolios/{portfolio_id}/...}). Meta's billing cannot run here: funding runs and revocations
 * succeed after simulated delays, and usage is what the simulator's messages cost while Kapso funded the account.
 * Rules:
 * <ul>
 * <li>waba_id is the Meta WABA id; WABAs the project does not know are 404; a WABA starts {@code not_funded};</li>
 * <li>ensure needs the owning business_portfolio_id (digits, 400); a WABA already owned by another portfolio, or a
 * portfolio whose funding was revoked, is 409; an already funded WABA answers 200, as does a finished run within its
 * 30 s cooldown; a run in progress is reused (202); otherwise a run starts (202): pending → running (funding status
 * pending) after {@value #RUN_STARTS_AFTER_MS} ms → succeeded, status funded, after {@value #RUN_FINISHES_AFTER_MS}
 * ms (Kapso time, scaled);</li>
 * <li>usage needs start_time and end_time, ISO-8601 with a zone, end after start, at most 31 days apart (400
 * "Use ISO 8601 start_time and end_time, at most 31 days apart."); it sums the billable, non-free messages whose
 * first billable status fell in the window while Kapso funded the WABA, at the simulator's price list
 * ({@link FundingLedger#RATES_MICRO_USD}), plus a calling entry with its currency coverage;</li>
 * <li>a portfolio is known once one of its WABAs was associated through ensure (404 otherwise); its accounts list
 * newest first, cursor-paginated; its usage sums its WABAs;</li>
 * <li>revoke needs an Idempotency-Key header of 1-255 bytes (400); the same key for the same portfolio answers the
 * original operation, for another portfolio 409; a new revocation (202, queued) supersedes a queued or running one,
 * runs queued → running → succeeded, then disables the portfolio's funding and marks its funded WABAs
 * {@code revoked};</li>
 * <li>an operation is read under its own portfolio only (404 otherwise).</li>
 * </ul>
 */
public final class FundingModule implements SimulatorModule {

    static final long RUN_STARTS_AFTER_MS = 1_000;
    static final long RUN_FINISHES_AFTER_MS = 5_000;
    static final long COOLDOWN_MS = 30_000;
    static final String USAGE_RANGE = "Use ISO 8601 start_time and end_time, at most 31 days apart.";

    private static final List<String> OPERATION_FIELDS = List.of("operation_id", "business_portfolio_id", "status",
            "requested_at", "message");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        FundingLedger ledger = new FundingLedger(ctx);
        Store operations = ctx.state().store(PlatformStores.FUNDING_OPERATIONS);
        Store portfolios = ctx.state().store(PlatformStores.FUNDING_PORTFOLIOS);

        handlers.on("getWabaFunding", r -> SimResponse.data(200, FundingLedger.view(requireWaba(ledger, r))));
        handlers.on("ensureWabaFunding", r -> {
            String portfolio = r.attributes().path("business_portfolio_id").asText("").trim();
            if (!portfolio.matches("\\d{5,20}")) {
                throw ApiError.platform(400, "business_portfolio_id must be the digits of the Meta Business Portfolio that owns the WABA");
            }
            ObjectNode f = requireWaba(ledger, r);
            String owner = f.path("business_portfolio_id").asText(null);
            if (owner != null && !owner.equals(portfolio)) {
                throw ApiError.conflict("WABA " + f.path("waba_id").asText() + " belongs to another portfolio");
            }
            if (portfolios.get(portfolio).map(p -> p.path("funding_disabled").asBoolean()).orElse(false)) {
                throw ApiError.conflict("Kapso funding was revoked for portfolio " + portfolio + "; re-enable it explicitly");
            }
            f.put("business_portfolio_id", portfolio);
            if ("funded".equals(f.path("status").asText())) {
                return SimResponse.data(200, FundingLedger.view(f));
            }
            JsonNode run = f.path("operation");
            String runStatus = run.path("status").asText("");
            if (runStatus.equals("pending") || runStatus.equals("running")) {
                return SimResponse.data(202, FundingLedger.view(f));
            }
            Instant finished = Times.parse(run.path("finished_at").asText(null));
            if (finished != null && ctx.clock().now().toEpochMilli() - finished.toEpochMilli() < ctx.clock().scaled(COOLDOWN_MS)) {
                return SimResponse.data(200, FundingLedger.view(f));
            }
            startRun(ctx, ledger, f);
            return SimResponse.data(202, FundingLedger.view(f));
        });
        handlers.on("getWabaUsage", r -> {
            ObjectNode f = requireWaba(ledger, r);
            Instant[] range = range(r);
            return SimResponse.data(200, ledger.usage(List.of(f), range[0], range[1]));
        });

        handlers.on("listPortfolioAccounts", r -> {
            String portfolio = r.path("portfolio_id");
            List<Store.Entry> accounts = requirePortfolio(ledger, operations, portfolio);
            SimResponse page = Paging.cursor(r, Views.map(accounts, f -> {
                ObjectNode v = FundingLedger.view(f);
                v.put("id", f.path("id").asText());
                v.set("created_at", f.get("created_at"));
                return v;
            }), "created_at", false, 20, 100);
            page.json().path("data").forEach(v -> ((ObjectNode) v).remove(List.of("id", "created_at")));
            return page;
        });
        handlers.on("getPortfolioUsage", r -> {
            String portfolio = r.path("portfolio_id");
            List<ObjectNode> accounts = requirePortfolio(ledger, operations, portfolio).stream().map(Store.Entry::node).toList();
            Instant[] range = range(r);
            return SimResponse.data(200, ledger.usage(accounts, range[0], range[1]));
        });
        handlers.on("revokePortfolioFunding", r -> {
            String portfolio = r.path("portfolio_id");
            String key = r.header("Idempotency-Key");
            if (key == null || key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw ApiError.platform(400, "An Idempotency-Key header of 1 to 255 bytes is required.");
            }
            Optional<ObjectNode> replay = operations.find(op -> key.equals(op.path("idempotency_key").asText()));
            if (replay.isPresent()) {
                if (!portfolio.equals(replay.get().path("business_portfolio_id").asText())) {
                    throw ApiError.conflict("This Idempotency-Key was used for another portfolio.");
                }
                return SimResponse.data(202, Views.only(replay.get(), OPERATION_FIELDS));
            }
            requirePortfolio(ledger, operations, portfolio);
            operations.all().stream()
                    .filter(op -> portfolio.equals(op.path("business_portfolio_id").asText())
                                  && List.of("queued", "running").contains(op.path("status").asText()))
                    .forEach(op -> op.put("status", "superseded").put("message", "Superseded by a newer revocation."));
            ObjectNode op = SimState.object();
            String id = Ids.uuid();
            op.put("id", id);
            op.put("operation_id", id);
            op.put("business_portfolio_id", portfolio);
            op.put("status", "queued");
            op.put("requested_at", ctx.clock().iso());
            op.put("message", "Portfolio funding revocation is queued.");
            op.put("idempotency_key", key);
            operations.put(op);
            ctx.later(RUN_STARTS_AFTER_MS, () -> {
                if ("queued".equals(op.path("status").asText())) {
                    op.put("status", "running").put("message", "Portfolio funding revocation is running.");
                }
            });
            ctx.later(RUN_FINISHES_AFTER_MS, () -> {
                if (!"running".equals(op.path("status").asText()) && !"queued".equals(op.path("status").asText())) {
                    return;
                }
                revoke(ctx, ledger, portfolios, portfolio);
                op.put("status", "succeeded").put("message", "Portfolio funding has been stopped.");
            });
            return SimResponse.data(202, Views.only(op, OPERATION_FIELDS));
        });
        handlers.on("getFundingOperation", r -> {
            String portfolio = r.path("portfolio_id");
            String id = r.path("operation_id");
            ObjectNode op = operations.get(id).filter(o -> portfolio.equals(o.path("business_portfolio_id").asText()))
                    .orElseThrow(() -> ApiError.notFound(r.operation(), "Funding operation " + id));
            return SimResponse.data(200, Views.only(op, OPERATION_FIELDS));
        });
    }

    private static ObjectNode requireWaba(FundingLedger ledger, SimRequest r) {
        String id = r.path("waba_id");
        return ledger.of(id).orElseThrow(() -> ApiError.notFound(r.operation(), "WhatsApp Business Account " + id));
    }

    private static List<Store.Entry> requirePortfolio(FundingLedger ledger, Store operations, String portfolio) {
        List<Store.Entry> accounts = ledger.accountsOf(portfolio);
        if (accounts.isEmpty() && operations.find(op -> portfolio.equals(op.path("business_portfolio_id").asText())).isEmpty()) {
            throw ApiError.platform(404, "Business portfolio " + portfolio + " not found");
        }
        return accounts;
    }

    private static Instant[] range(SimRequest r) {
        Instant start = Times.parse(r.query("start_time"));
        Instant end = Times.parse(r.query("end_time"));
        if (start == null || end == null || !end.isAfter(start) || Duration.between(start, end).compareTo(Duration.ofDays(31)) > 0) {
            throw ApiError.platform(400, USAGE_RANGE);
        }
        return new Instant[] {start, end};
    }

    private static void startRun(SimContext ctx, FundingLedger ledger, ObjectNode f) {
        ObjectNode run = SimState.object();
        String runId = Ids.uuid();
        run.put("id", runId);
        run.put("status", "pending");
        run.put("started_at", ctx.clock().iso());
        run.putNull("finished_at");
        run.putNull("error_kind");
        run.putNull("meta_error_code");
        f.set("operation", run);
        ctx.later(RUN_STARTS_AFTER_MS, () -> {
            if (runId.equals(f.path("operation").path("id").asText()) && "pending".equals(run.path("status").asText())) {
                run.put("status", "running");
                f.put("status", "pending");
                f.putNull("reason");
                f.put("message", "Kapso funding is being set up.");
                f.put("last_checked_at", ctx.clock().iso());
            }
        });
        ctx.later(RUN_FINISHES_AFTER_MS, () -> {
            if (!runId.equals(f.path("operation").path("id").asText()) || !"running".equals(run.path("status").asText())) {
                return;
            }
            String now = ctx.clock().iso();
            run.put("status", "succeeded");
            run.put("finished_at", now);
            f.put("status", "funded");
            f.putNull("reason");
            f.put("message", "Kapso funding is active.");
            f.put("last_verified_at", now);
            f.put("last_checked_at", now);
            ledger.openPeriod(f, now);
        });
    }

    private static void revoke(SimContext ctx, FundingLedger ledger, Store portfolios, String portfolio) {
        String now = ctx.clock().iso();
        ObjectNode p = portfolios.get(portfolio).orElseGet(() -> portfolios.put(SimState.object().put("id", portfolio)));
        p.put("funding_disabled", true);
        for (Store.Entry e : ledger.accountsOf(portfolio)) {
            ObjectNode f = e.node();
            JsonNode run = f.path("operation");
            if (run.isObject() && List.of("pending", "running").contains(run.path("status").asText())) {
                ((ObjectNode) run).put("status", "cancelled").put("finished_at", now);
            }
            String status = f.path("status").asText();
            if (status.equals("funded") || status.equals("unknown") || status.equals("pending")) {
                f.put("status", status.equals("pending") ? "not_funded" : "revoked");
                f.put("reason", "portfolio_funding_revoked");
                f.put("message", "Kapso funding was revoked for this portfolio.");
                f.put("last_checked_at", now);
                ledger.closePeriod(f, now);
            }
        }
    }
}
