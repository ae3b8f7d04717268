package io.github.camelkapso.simulator.ops.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Kapso's funding evidence per WABA (status, portfolio, latest run, the periods Kapso funded it) and the charges it
 * recorded: billable, non-free messages sent from the WABA's numbers while Kapso funded it.
 */
final class FundingLedger {

    /** Kapso's recorded charge per billable message, by pricing category, in micro-USD (the simulator's price list). */
    static final Map<String, Long> RATES_MICRO_USD = Map.of("marketing", 25_000L, "utility", 4_000L, "authentication", 13_500L);

    private static final List<String> FIELDS = List.of("waba_id", "business_portfolio_id", "status", "reason", "message",
            "currency", "waba_currency", "last_verified_at", "last_checked_at", "paid_messages", "operation");

    private final SimContext ctx;
    final Store funding;
    private final Store wabas;

    FundingLedger(SimContext ctx) {
        this.ctx = ctx;
        this.funding = ctx.state().store(PlatformStores.WABA_FUNDING);
        this.wabas = ctx.state().store(Stores.BUSINESS_ACCOUNTS);
    }

    /** The funding record of a WABA the project knows, created (not funded) on first use. */
    Optional<ObjectNode> of(String wabaId) {
        Optional<ObjectNode> existing = funding.get(wabaId);
        if (existing.isPresent() || !wabas.contains(wabaId)) {
            return existing;
        }
        ObjectNode waba = wabas.get(wabaId).get();
        ObjectNode f = SimState.object();
        f.put("id", wabaId);
        f.put("waba_id", wabaId);
        f.set("business_portfolio_id", waba.hasNonNull("business_portfolio_id") ? waba.get("business_portfolio_id").deepCopy() : null);
        f.put("status", "not_funded");
        f.putNull("reason");
        f.put("message", "Kapso funding is not active.");
        f.put("currency", "USD");
        f.put("waba_currency", waba.path("currency").asText("USD"));
        f.putNull("last_verified_at");
        f.putNull("last_checked_at");
        ObjectNode paid = f.putObject("paid_messages");
        paid.put("paused", false);
        paid.putArray("reasons");
        f.putNull("operation");
        f.putArray("funded_periods");
        f.put("created_at", waba.path("created_at").asText(ctx.clock().iso()));
        return Optional.of(funding.put(f));
    }

    /** The WABAs (funding records) of a portfolio, newest first. */
    List<Store.Entry> accountsOf(String portfolioId) {
        wabas.all().forEach(w -> of(w.path("id").asText()));
        return funding.newestFirst(f -> portfolioId.equals(f.path("business_portfolio_id").asText(null)), "created_at");
    }

    static ObjectNode view(ObjectNode f) {
        return Views.only(f, FIELDS);
    }

    void openPeriod(ObjectNode f, String from) {
        ((ArrayNode) f.withArray("funded_periods")).addObject().put("from", from).putNull("to");
    }

    void closePeriod(ObjectNode f, String to) {
        for (JsonNode p : f.path("funded_periods")) {
            if (p.path("to").isNull()) {
                ((ObjectNode) p).put("to", to);
            }
        }
    }

    /** The recorded usage of some WABAs between start (inclusive) and end (exclusive). */
    ObjectNode usage(List<ObjectNode> accounts, Instant start, Instant end) {
        Map<String, ObjectNode> fundingByPhone = new HashMap<>();
        for (ObjectNode phone : ctx.state().store(Stores.PHONE_NUMBERS).all()) {
            accounts.stream().filter(a -> a.path("waba_id").asText().equals(phone.path("business_account_id").asText()))
                    .findFirst().ifPresent(a -> fundingByPhone.put(phone.path("id").asText(), a));
        }
        long messagingCharge = 0;
        int billable = 0;
        for (ObjectNode m : ctx.state().store(Stores.MESSAGES).all()) {
            JsonNode k = m.path("kapso");
            ObjectNode account = fundingByPhone.get(k.path("phone_number_id").asText());
            if (account == null || !"outbound".equals(k.path("direction").asText())) {
                continue;
            }
            for (JsonNode s : k.path("statuses")) {
                JsonNode pricing = s.path("pricing");
                if (!pricing.path("billable").asBoolean(false)) {
                    continue;
                }
                Long rate = RATES_MICRO_USD.get(pricing.path("category").asText());
                Instant at = Times.parse(Times.fromUnixSeconds(s.path("timestamp").asText()));
                if (rate != null && at != null && !at.isBefore(start) && at.isBefore(end) && fundedAt(account, at)) {
                    messagingCharge += rate;
                    billable++;
                }
                break;
            }
        }
        List<ObjectNode> attached = new ArrayList<>();
        accounts.stream().filter(a -> "funded".equals(a.path("status").asText())).forEach(attached::add);
        String now = ctx.clock().iso();
        String through = (end.isBefore(ctx.clock().now()) ? end : ctx.clock().now()).toString();

        ObjectNode usage = SimState.object();
        usage.put("start_time", start.toString());
        usage.put("end_time", end.toString());
        usage.put("time_basis", "recorded_at");
        usage.put("currency", "USD");
        usage.put("charge_scope", "kapso_recorded_charges");
        usage.putObject("totals").put("customer_charge_micro_usd", messagingCharge);
        ArrayNode breakdown = usage.putArray("breakdown");
        ObjectNode messaging = breakdown.addObject();
        messaging.put("usage_kind", "messaging");
        messaging.put("customer_charge_micro_usd", messagingCharge);
        messaging.put("billable_messages", billable);
        ObjectNode messagingSync = messaging.putObject("sync");
        messagingSync.put("status", attached.isEmpty() ? "not_available" : "synced");
        messagingSync.put("last_synced_at", attached.isEmpty() ? null : now);
        messagingSync.put("usage_through", attached.isEmpty() ? null : through);

        ObjectNode calling = breakdown.addObject();
        calling.put("usage_kind", "calling");
        calling.put("customer_charge_micro_usd", 0);
        Set<String> currencies = new java.util.HashSet<>();
        attached.forEach(a -> currencies.add(a.path("waba_currency").asText("USD")));
        String coverage = attached.isEmpty() ? "not_available"
                : !currencies.contains("USD") ? "unsupported" : currencies.size() > 1 ? "partial" : "supported";
        ObjectNode cov = calling.putObject("coverage");
        cov.put("status", coverage);
        cov.put("reason", coverage.equals("not_available") ? "no_active_attachment"
                : coverage.equals("supported") ? null : "calling_requires_usd_waba");
        ObjectNode callingSync = calling.putObject("sync");
        boolean covered = coverage.equals("supported") || coverage.equals("partial");
        callingSync.put("status", covered ? "synced" : "not_available");
        callingSync.putNull("last_synced_at");
        callingSync.put("usage_through", covered ? through : null);
        return usage;
    }

    private static boolean fundedAt(ObjectNode account, Instant at) {
        for (JsonNode p : account.path("funded_periods")) {
            Instant from = Times.parse(p.path("from").asText(null));
            Instant to = Times.parse(p.path("to").asText(null));
            // status timestamps have second precision: count the second funding started in
            if (from != null && !at.isBefore(from.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) && (to == null || at.isBefore(to))) {
                return true;
            }
        }
        return false;
    }
}
