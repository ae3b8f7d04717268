package io.github.camelkapso.benchmarks;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelkapso.KapsoComponent;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.h2.jdbcx.JdbcConnectionPool;

import static io.github.camelkapso.benchmarks.BenchOptions.intOption;
import static io.github.camelkapso.benchmarks.RoundStats.max;
import static io.github.camelkapso.benchmarks.RoundStats.median;
import static io.github.camelkapso.benchmarks.RoundStats.min;
import static io.github.camelkapso.benchmarks.RoundStats.percentile;
import static io.github.camelkapso.benchmarks.RoundStats.round3;

/**
 * What receiving Kapso webhooks through {@code from("kapso:webhook")} into H2 costs, against a bare Vert.x handler
 * that only verifies the signature, in one JVM and one run. Both are sent the same kind of signed v2
 * {@code whatsapp.message.received} deliveries over HTTP/1.1 keep-alive on loopback.
 * <ul>
 * <li><b>bare</b>: a Vert.x {@link HttpServer} handler that reads the body, checks {@code X-Webhook-Signature}
 * (HMAC-SHA256 of the exact bytes, hex, compared in constant time) and answers 200;</li>
 * <li><b>camel</b>: {@code kapso:webhook} (webhookSecret, path, a {@link JdbcMessageIdRepository} as
 * webhookIdempotentRepository) on Camel's platform-http ({@link VertxPlatformHttpServer}), and the route of the
 * hub's {@code kapso-events}: the hub's own {@code EventRows}, then its {@code upsert-event}, {@code upsert-message}
 * and {@code upsert-conversation} SQL (camel-kapso-hub's resources) on an H2 file database in a temporary directory
 * through a {@link JdbcConnectionPool}, as the hub has it. The hub's auto-reply wire tap is left out: it sends to
 * Kapso, which is not what is measured here.</li>
 * </ul>
 * A client (Vert.x {@link HttpClient}, one connection per request in flight) keeps {@code bench.inflight} deliveries
 * in flight. Every delivery has its own {@code X-Idempotency-Key} and wamid, is built and signed before its round
 * starts, and must be answered 200 {@code OK}; per request the latency from send to the complete answer is recorded.
 * After a warm-up (unrecorded rounds until both a count and a time are reached: on 2 cores the JIT takes a minute and
 * over 100,000 deliveries to settle), measured rounds alternate the order (bare, camel / camel, bare / ...). At the end
 * the H2 tables must hold exactly one row per event sent to the camel variant. Any failure fails the run.
 * <p>
 * System properties (all optional): {@code bench.requests} (per variant per round, default 10000),
 * {@code bench.rounds} (default 5), {@code bench.warmup} (per variant, at least, default 10000),
 * {@code bench.warmupSeconds} (at least, default 90), {@code bench.inflight}
 * (default 32), {@code bench.conversations} (distinct conversations the messages belong to, default 500),
 * {@code bench.variants} (default {@code bare,camel}; one alone for profiling; {@code component} adds a diagnostic
 * variant: {@code kapso:webhook} with an empty route, no idempotent repository and no database, on the same
 * platform-http server, to tell the component's cost from the database's), {@code bench.output} (results file).
 */
public final class WebhookThroughputBenchmark {

    static final String SECRET = "whsec-bench-7c2e4a91d05f3b68";
    /** The hub's webhook path. */
    static final String PATH = "/kapso/webhooks";
    /** The opt-in diagnostic variant's path: kapso:webhook with an empty route. */
    static final String COMPONENT_PATH = "/kapso/webhooks-component";
    static final List<String> VARIANTS = List.of("bare", "camel", "component");
    static final String EVENT = "whatsapp.message.received";
    static final String PHONE_NUMBER_ID = "106540352242922";
    /** The names the hub binds its data source and idempotent repository under. */
    static final String DATA_SOURCE = "hubDataSource";
    static final String IDEMPOTENCY = "webhookIdempotency";
    static final String IDEMPOTENCY_PROCESSOR = "kapso-webhooks";
    private static final String SQL = "sql:classpath:sql/%s.sql?dataSource=#" + DATA_SOURCE + "&noop=true";
    /** Longest a single batch may take before the run is declared hung: bounded waits only. */
    static final long BATCH_TIMEOUT_SECONDS = 300;
    static final int REQUEST_IDLE_TIMEOUT_MS = 30_000;
    static final String BENCHMARK = "webhook-throughput";

    private final int requests = intOption("bench.requests", 10_000);
    private final int rounds = intOption("bench.rounds", 5);
    private final int warmup = intOption("bench.warmup", 10_000);
    private final int warmupSeconds = intOption("bench.warmupSeconds", 90);
    private final int inflight = intOption("bench.inflight", 32);
    private final int conversations = intOption("bench.conversations", 500);
    private final List<String> variantNames = List.of(System.getProperty("bench.variants", "bare,camel").split("\\s*,\\s*"));
    private final Path output = ResultsFile.output(BENCHMARK);

    private final MachineFacts machine = new MachineFacts();
    private final ErrorLog errors = new ErrorLog();
    private final AtomicLong bareVerified = new AtomicLong();
    private final Deliveries deliveries;
    private int h2MaxConnections;

    private WebhookThroughputBenchmark() {
        this.deliveries = new Deliveries(conversations);
    }

    public static void main(String[] args) throws Exception {
        int status = new WebhookThroughputBenchmark().run();
        if (status != 0) {
            // a failed run must fail the command, both under mvn exec:java and java -cp
            throw new IllegalStateException("webhook-throughput run failed: see the lines above");
        }
    }

    int run() throws Exception {
        if (requests <= 0 || rounds <= 0 || warmup < 0 || warmupSeconds < 0 || inflight <= 0 || conversations <= 0) {
            throw new IllegalArgumentException("bench.requests, bench.rounds, bench.inflight and bench.conversations must be"
                                               + " positive, bench.warmup and bench.warmupSeconds not negative");
        }
        if (variantNames.isEmpty() || !VARIANTS.containsAll(variantNames)
            || variantNames.stream().distinct().count() != variantNames.size()) {
            throw new IllegalArgumentException("bench.variants must name some of " + VARIANTS + ", was " + variantNames);
        }
        Path databaseDir = Files.createTempDirectory("kapso-webhook-bench-");
        Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        Vertx bareVertx = Vertx.vertx();
        JdbcConnectionPool database = null;
        CamelContext camel = null;
        JdbcMessageIdRepository idempotency = null;
        try {
            List<Variant> variants = new ArrayList<>();
            if (variantNames.contains("bare")) {
                variants.add(new Variant("bare", startBare(bareVertx), PATH, clientVertx, inflight));
            }
            if (variantNames.contains("camel")) {
                database = JdbcConnectionPool.create("jdbc:h2:file:" + databaseDir.resolve("webhook-bench")
                                                     + ";INIT=RUNSCRIPT FROM 'classpath:sql/schema.sql'", "sa", "");
                h2MaxConnections = database.getMaxConnections();
                idempotency = new JdbcMessageIdRepository(database, IDEMPOTENCY_PROCESSOR);
            }
            if (variantNames.contains("camel") || variantNames.contains("component")) {
                VertxPlatformHttpServer server = new VertxPlatformHttpServer(httpConfiguration());
                camel = startCamel(server, database, idempotency, variantNames.contains("component"));
                for (String name : List.of("camel", "component")) {
                    if (variantNames.contains(name)) {
                        variants.add(new Variant(name, server.getPort(), name.equals("camel") ? PATH : COMPONENT_PATH,
                                clientVertx, inflight));
                    }
                }
            }
            System.out.printf("%s; %s%n", describePorts(variants), machine.describe());

            for (Variant v : variants) {
                checkRefusesForgery(v);
            }

            System.out.printf("warm-up: unrecorded rounds of %d deliveries per variant until at least %d each and %d s,"
                              + " %d in flight%n", requests, warmup, warmupSeconds, inflight);
            Warmup warm = warmUp(variants);
            System.out.printf("  warm-up: %d rounds, %d deliveries per variant, %.1f s; last round %s%n", warm.rounds(),
                    warm.deliveriesPerVariant(), warm.nanos() / 1e9, warm.last().isEmpty() ? "none" : describe(warm.last()));

            Map<String, List<Round>> measured = new LinkedHashMap<>();
            variants.forEach(v -> measured.put(v.name, new ArrayList<>()));
            List<List<String>> orders = new ArrayList<>();
            for (int r = 0; r < rounds && errors.count() == 0; r++) {
                // alternate the order every round (bare first, then camel first, ...) so drift cancels out
                List<Variant> order = RoundOrder.of(variants, r);
                Map<String, Round> round = new LinkedHashMap<>();
                for (Variant v : order) {
                    round.put(v.name, measure(v, requests));
                }
                variants.forEach(v -> measured.get(v.name).add(round.get(v.name)));
                orders.add(order.stream().map(v -> v.name).toList());
                System.out.printf("  round %d (%s first): %s%s%n", r + 1, order.get(0).name, describe(round),
                        describeRatios(round));
            }

            Map<String, Object> databaseCheck = null;
            Variant camelVariant = variants.stream().filter(v -> v.name.equals("camel")).findFirst().orElse(null);
            if (camelVariant != null) {
                // the route has finished for every event answered 200: the rows must all be there, once
                databaseCheck = checkDatabase(database, camelVariant.sent);
            }
            Variant bareVariant = variants.stream().filter(v -> v.name.equals("bare")).findFirst().orElse(null);
            boolean bareCounted = bareVariant == null || bareVerified.get() == bareVariant.sent;
            if (!bareCounted) {
                errors.add("bare: the server verified " + bareVerified.get() + " deliveries, the client sent "
                           + bareVariant.sent);
            }
            boolean databaseOk = databaseCheck == null || Boolean.TRUE.equals(databaseCheck.get("ok"));
            boolean valid = errors.count() == 0 && databaseOk && bareCounted && measured.values().stream()
                    .allMatch(l -> l.size() == rounds);

            ResultsFile.write(output, report(valid, measured, orders, warm, variants, databaseCheck, camel));

            if (!valid) {
                System.out.printf("FAILED: %d error(s); first ones:%n", errors.count());
                errors.samples().forEach(e -> System.out.println("  " + e));
                if (databaseCheck != null) {
                    System.out.println("  database: " + databaseCheck);
                }
                System.out.println("results (not valid) written to " + output);
                return 1;
            }
            System.out.println(resultLine(measured, databaseCheck));
            return 0;
        } finally {
            if (camel != null) {
                camel.stop();
            }
            ServiceHelper.stopService(idempotency);
            if (database != null) {
                database.dispose();
            }
            clientVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            bareVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            deleteRecursively(databaseDir);
        }
    }

    // ------------------------------------------------------------------ bare: Vert.x and an HMAC check

    /** One HTTP server (one event loop, as platform-http has) that verifies and answers 200. */
    private int startBare(Vertx vertx) throws Exception {
        byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
        // one Mac per thread, keyed once: the cheapest correct check, so that the baseline is a lower bound
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> hmac(key));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> handleBare(req, macs));
        return server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
    }

    private void handleBare(HttpServerRequest req, ThreadLocal<Mac> macs) {
        if (req.method() != HttpMethod.POST || !PATH.equals(req.path())) {
            req.response().setStatusCode(404).end("Not found");
            return;
        }
        req.body().onSuccess(body -> {
            if (signatureMatches(macs.get(), body.getBytes(), req.getHeader("X-Webhook-Signature"))) {
                bareVerified.incrementAndGet();
                req.response().setStatusCode(200).putHeader("Content-Type", "text/plain; charset=utf-8").end("OK");
            } else {
                req.response().setStatusCode(401).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("Invalid webhook signature");
            }
        }).onFailure(e -> req.response().setStatusCode(500).end());
    }

    /** Exactly 64 hex digits, equal in constant time to the HMAC-SHA256 of the bytes received. */
    static boolean signatureMatches(Mac mac, byte[] body, String hex) {
        if (hex == null || hex.length() != 64) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac.doFinal(body), claimed);
    }

    static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    // ------------------------------------------------------------------ camel: kapso:webhook into H2, like the hub

    private static VertxPlatformHttpServerConfiguration httpConfiguration() {
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(0); // a free port, read back from the server once started
        return http;
    }

    /**
     * @param database    null: no hub route
     * @param withEmptyRoute also the diagnostic {@code component} variant's route
     */
    private static CamelContext startCamel(VertxPlatformHttpServer server, JdbcConnectionPool database,
                                           JdbcMessageIdRepository idempotency, boolean withEmptyRoute) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addService(server, true, true);
        context.addComponent("kapso", new KapsoComponent());
        if (withEmptyRoute) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // what the component costs alone: verification, parsing, headers, one exchange per event
                    from("kapso:webhook?path=" + COMPONENT_PATH + "&webhookSecret=" + SECRET)
                            .routeId("kapso-events-empty")
                            .process(exchange -> {
                            });
                }
            });
        }
        if (database != null) {
            context.getRegistry().bind(DATA_SOURCE, database);
            context.getRegistry().bind(IDEMPOTENCY, idempotency);
            addHubRoute(context);
        }
        context.start();
        return context;
    }

    private static void addHubRoute(CamelContext context) throws Exception {
        Processor eventRows = hubEventRows();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // HubRoutes' kapso-events route, with webhookSecret instead of autoRegister and without the auto-reply
                from("kapso:webhook?path=" + PATH + "&webhookSecret=" + SECRET + "&webhookIdempotentRepository=#" + IDEMPOTENCY)
                        .routeId("kapso-events")
                        .process(eventRows)
                        .to(String.format(SQL, "upsert-event"))
                        .filter(simple("${body[wamid]} != null"))
                            .to(String.format(SQL, "upsert-message"))
                        .end()
                        .filter(simple("${body[conversationId]} != null"))
                            .to(String.format(SQL, "upsert-conversation"))
                        .end();
            }
        });
    }

    /**
     * The hub's own {@code EventRows} (package-private in camel-kapso-hub), so that the rows written are the hub's
     * rows, computed by the hub's code.
     */
    private static Processor hubEventRows() {
        try {
            Constructor<?> constructor = Class.forName("io.github.camelkapso.hub.EventRows").getDeclaredConstructor();
            constructor.setAccessible(true);
            return (Processor) constructor.newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("camel-kapso-hub's io.github.camelkapso.hub.EventRows is not usable: " + e, e);
        }
    }

    /** Rows per table against the events sent: one each, no more, no less. */
    private static Map<String, Object> checkDatabase(JdbcConnectionPool database, long sent) throws Exception {
        Map<String, Object> check = new LinkedHashMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            long events = count(s, "SELECT COUNT(*) FROM kapso_events");
            long distinctEvents = count(s, "SELECT COUNT(DISTINCT idempotency_key) FROM kapso_events");
            long messages = count(s, "SELECT COUNT(*) FROM kapso_messages WHERE direction = 'inbound'");
            long processed = count(s, "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = '"
                                      + IDEMPOTENCY_PROCESSOR + "'");
            long conversationRows = count(s, "SELECT COUNT(*) FROM kapso_conversations");
            check.put("eventsSent", sent);
            check.put("eventRows", events);
            check.put("distinctEventKeys", distinctEvents);
            check.put("messageRows", messages);
            check.put("idempotencyRows", processed);
            check.put("conversationRows", conversationRows);
            check.put("ok", events == sent && distinctEvents == sent && messages == sent && processed == sent);
        }
        return check;
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------ the deliveries

    /** One signed delivery, built before its round: the body bytes are exactly the bytes signed. */
    record Delivery(String key, Buffer body, MultiMap headers) {
    }

    /** Signed v2 whatsapp.message.received deliveries, each with its own idempotency key and wamid. */
    static final class Deliveries {
        private static final long FIRST_TIMESTAMP = 1_760_000_000L;
        private final int conversations;
        private final Mac mac = hmac(SECRET.getBytes(StandardCharsets.UTF_8));
        private long sequence;
        private long bytes;
        private long built;

        Deliveries(int conversations) {
            this.conversations = conversations;
        }

        List<Delivery> next(int count) {
            List<Delivery> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(sign(body(sequence++), SECRET));
            }
            return out;
        }

        /** A delivery as Kapso sends it, signed with {@code secret}. */
        Delivery sign(byte[] body, String secret) {
            Mac m = secret.equals(SECRET) ? mac : hmac(secret.getBytes(StandardCharsets.UTF_8));
            String key = UUID.randomUUID().toString();
            MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                    .add("Content-Type", "application/json")
                    .add("X-Webhook-Event", EVENT)
                    .add("X-Webhook-Signature", HexFormat.of().formatHex(m.doFinal(body)))
                    .add("X-Idempotency-Key", key)
                    .add("X-Webhook-Payload-Version", "v2");
            bytes += body.length;
            built++;
            return new Delivery(key, Buffer.buffer(body), headers);
        }

        /** A well-formed delivery signed with another secret. */
        Delivery forged() {
            return sign(body(sequence++), SECRET + "-not");
        }

        long averageBodyBytes() {
            return built == 0 ? 0 : Math.round((double) bytes / built);
        }

        /** The shape of Kapso's v2 payload (the component's message-received.json fixture), ids from {@code n}. */
        byte[] body(long n) {
            long c = n % conversations;
            String wamid = "wamid.HBgLMTU1NTAxMjM0NTY3FQIAEhgg" + String.format("%016X", n);
            String conversationId = String.format("0c8f4b1e-5a2d-4e7b-9c3f-%012d", c);
            String contact = String.format("1555%07d", c);
            long ts = FIRST_TIMESTAMP + n;
            String at = Instant.ofEpochSecond(ts).toString();
            String created = Instant.ofEpochSecond(FIRST_TIMESTAMP - 3600 + c).toString();
            String text = "Hi, is my order #" + (48_000 + n % 1000) + " on its way? I ordered it last Tuesday. (" + n + ")";
            String json = "{\"message\":{\"id\":\"" + wamid + "\",\"timestamp\":\"" + ts + "\",\"type\":\"text\",\"from\":\""
                          + contact + "\",\"text\":{\"body\":\"" + text + "\"},\"kapso\":{\"direction\":\"inbound\","
                          + "\"status\":\"received\",\"processing_status\":\"pending\",\"origin\":\"cloud_api\","
                          + "\"has_media\":false,\"content\":\"" + text + "\"}},\"conversation\":{\"id\":\"" + conversationId
                          + "\",\"phone_number\":\"+" + contact + "\",\"status\":\"active\",\"last_active_at\":\"" + at
                          + "\",\"created_at\":\"" + created + "\",\"updated_at\":\"" + at + "\",\"metadata\":{},"
                          + "\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\",\"kapso\":{\"contact_name\":\"Customer " + c
                          + "\",\"messages_count\":" + (n / conversations + 1) + ",\"last_message_id\":\"" + wamid
                          + "\",\"last_message_type\":\"text\",\"last_message_timestamp\":\"" + at
                          + "\",\"last_message_text\":\"" + text + "\",\"last_inbound_at\":\"" + at
                          + "\",\"last_outbound_at\":null}},\"is_new_conversation\":" + (n < conversations)
                          + ",\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"}";
            return json.getBytes(StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------ the client

    /** A variant as the client sees it: a port, and a keep-alive HTTP/1.1 client with one connection per request in flight. */
    static final class Variant {
        final String name;
        final int port;
        final String path;
        final HttpClient client;
        /** The client's event loop: every request is made and answered there (see send). */
        final Context context;
        final AtomicLong connections = new AtomicLong();
        /** Deliveries answered 200 (all of them, or the run fails). */
        long sent;

        Variant(String name, int port, String path, Vertx vertx, int inflight) {
            this.name = name;
            this.port = port;
            this.path = path;
            this.context = vertx.getOrCreateContext();
            this.client = vertx.httpClientBuilder()
                    .with(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true)
                            .setKeepAliveTimeout(600).setPipelining(false).setDefaultHost("127.0.0.1").setDefaultPort(port))
                    .with(new PoolOptions().setHttp1MaxSize(inflight))
                    .withConnectHandler(conn -> connections.incrementAndGet())
                    .build();
        }

        /**
         * Sends one delivery; calls {@code done} once, on the client's event loop, with null or an error text. The
         * request is made on the event loop and the body read in the send's own continuation: made from another
         * thread, Vert.x 4 can deliver the response before {@code body()} is asked for, and the body is lost
         * (eclipse-vertx/vert.x#4705).
         */
        void send(Delivery delivery, Completion done) {
            context.runOnContext(v -> client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                            .setHeaders(delivery.headers()).setIdleTimeout(REQUEST_IDLE_TIMEOUT_MS))
                    .compose(req -> req.send(delivery.body())
                            .compose(resp -> resp.body().map(body -> resp.statusCode() == 200 && "OK".equals(body.toString())
                                    ? null : name + " " + delivery.key() + ": HTTP " + resp.statusCode() + " " + body)))
                    .onComplete(ar -> done.complete(System.nanoTime(),
                            ar.succeeded() ? ar.result() : name + " " + delivery.key() + ": " + ar.cause())));
        }
    }

    @FunctionalInterface
    interface Completion {
        void complete(long endNanos, String error);
    }

    /** Before measuring: a delivery signed with another secret must be refused, so both really verify. */
    private void checkRefusesForgery(Variant v) throws Exception {
        Delivery forged = deliveries.forged();
        String[] outcome = new String[1];
        Semaphore done = new Semaphore(0);
        v.context.runOnContext(x -> v.client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI(v.path)
                        .setHeaders(forged.headers()))
                .compose(req -> req.send(forged.body()).compose(resp -> resp.body().map(b -> resp.statusCode())))
                .onComplete(ar -> {
                    outcome[0] = ar.succeeded() ? String.valueOf(ar.result()) : String.valueOf(ar.cause());
                    done.release();
                }));
        if (!done.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(v.name + ": no answer to a forged delivery within 30 s");
        }
        if (!"401".equals(outcome[0])) {
            throw new IllegalStateException(v.name + " answered a forged delivery with " + outcome[0] + ", not 401");
        }
    }

    // ------------------------------------------------------------------ measuring

    record Round(String variant, int requests, long nanos, long cpuNanos, long failed, long[] sortedLatencies) {
        double throughput() {
            return requests / (nanos / 1e9);
        }

        double p50Millis() {
            return percentile(sortedLatencies, 0.50) / 1e6;
        }

        double p99Millis() {
            return percentile(sortedLatencies, 0.99) / 1e6;
        }

        /** Process CPU per delivery (client, server, Camel, H2 and GC together). */
        double cpuMicrosPerRequest() {
            return cpuNanos < 0 ? -1 : cpuNanos / 1e3 / requests;
        }
    }

    /** Warm-up totals and its last round. */
    record Warmup(int rounds, long deliveriesPerVariant, long nanos, Map<String, Round> last) {
    }

    /**
     * Rounds like the measured ones (order alternating), not recorded, until every variant has had
     * {@code bench.warmup} deliveries and {@code bench.warmupSeconds} have passed: the variants warm up under the
     * conditions they are measured in (the JIT compiling both, the shared Vert.x code seeing both).
     */
    private Warmup warmUp(List<Variant> variants) throws InterruptedException {
        long start = System.nanoTime();
        long minNanos = TimeUnit.SECONDS.toNanos(warmupSeconds);
        long sent = 0;
        int round = 0;
        Map<String, Round> last = new LinkedHashMap<>();
        while (errors.count() == 0 && (sent < warmup || System.nanoTime() - start < minNanos)) {
            for (Variant v : RoundOrder.of(variants, round)) {
                last.put(v.name, measure(v, requests));
            }
            sent += requests;
            round++;
        }
        return new Warmup(round, sent, System.nanoTime() - start, last);
    }

    /** Sends {@code count} fresh deliveries keeping {@code inflight} outstanding; returns when all have been answered. */
    private Round measure(Variant variant, int count) throws InterruptedException {
        List<Delivery> batch = deliveries.next(count); // built and signed before the clock starts
        long[] latencies = new long[count];
        Semaphore slots = new Semaphore(inflight);
        AtomicLong failedHere = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BATCH_TIMEOUT_SECONDS);
        long cpuStart = ProcessCpu.nanos();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException(variant.name + ": no answer within " + BATCH_TIMEOUT_SECONDS + " s");
            }
            int index = i;
            long sentAt = System.nanoTime();
            variant.send(batch.get(i), (end, error) -> {
                latencies[index] = end - sentAt;
                if (error != null) {
                    failedHere.incrementAndGet();
                    errors.add(error);
                }
                slots.release(); // publishes latencies[index] to the thread that acquires all permits below
            });
        }
        if (!slots.tryAcquire(inflight, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException(variant.name + ": deliveries still in flight after " + BATCH_TIMEOUT_SECONDS + " s");
        }
        long nanos = System.nanoTime() - start;
        long cpuEnd = ProcessCpu.nanos();
        variant.sent += count - failedHere.get();
        Arrays.sort(latencies);
        return new Round(variant.name, count, nanos, cpuStart < 0 ? -1 : cpuEnd - cpuStart, failedHere.get(), latencies);
    }

    // ------------------------------------------------------------------ reporting

    private static String describePorts(List<Variant> variants) {
        StringBuilder sb = new StringBuilder();
        for (Variant v : variants) {
            sb.append(sb.length() == 0 ? "" : ", ").append(v.name).append(" on 127.0.0.1:").append(v.port).append(v.path);
        }
        return sb.toString();
    }

    private static String describe(Map<String, Round> round) {
        StringBuilder sb = new StringBuilder();
        round.forEach((name, r) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(String.format("%s %.0f ev/s p50 %.2f ms p99 %.2f ms", name, r.throughput(), r.p50Millis(),
                        r.p99Millis())));
        return sb.toString();
    }

    private String resultLine(Map<String, List<Round>> measured, Map<String, Object> databaseCheck) {
        StringBuilder sb = new StringBuilder("RESULT webhook-throughput:");
        measured.forEach((name, rounds) -> sb.append(String.format(" %s %.0f ev/s [%.0f..%.0f] p50 %.2f ms p99 %.2f ms,",
                name, median(rounds, Round::throughput), min(rounds, Round::throughput), max(rounds, Round::throughput),
                median(rounds, Round::p50Millis), median(rounds, Round::p99Millis))));
        for (String name : comparedToBare(measured)) {
            sb.append(String.format(" ratio %s/bare throughput %.3f p50 %.2f p99 %.2f,", name,
                    ratio(measured, name, Round::throughput), ratio(measured, name, Round::p50Millis),
                    ratio(measured, name, Round::p99Millis)));
        }
        sb.setLength(sb.length() - 1);
        sb.append(String.format(" (%d rounds x %d deliveries, %d in flight, %d cores, Java %s", rounds, requests, inflight,
                MachineFacts.cores(), MachineFacts.javaVersion()));
        if (databaseCheck != null) {
            sb.append(String.format(", H2 %d/%d event rows", (Long) databaseCheck.get("eventRows"),
                    (Long) databaseCheck.get("eventsSent")));
        }
        return sb.append(") -> ").append(output).toString();
    }

    private Map<String, Object> report(boolean valid, Map<String, List<Round>> measured, List<List<String>> orders,
                                       Warmup warm, List<Variant> variants, Map<String, Object> databaseCheck,
                                       CamelContext camel) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("requestsPerRound", requests);
        params.put("rounds", rounds);
        params.put("warmupMinDeliveries", warmup);
        params.put("warmupMinSeconds", warmupSeconds);
        params.put("inflight", inflight);
        params.put("variants", new ArrayList<>(measured.keySet()));
        params.put("http", "HTTP/1.1 keep-alive over loopback (127.0.0.1); Vert.x HttpClient, 1 event loop, pool of"
                           + " `inflight` connections, no pipelining");
        params.put("delivery", "POST " + PATH + ", v2 " + EVENT + ", headers X-Webhook-Event, X-Webhook-Signature"
                               + " (hex HMAC-SHA256 of the body bytes), X-Idempotency-Key (UUID), X-Webhook-Payload-Version v2;"
                               + " unique key and wamid per delivery, built and signed before each round");
        params.put("averageBodyBytes", deliveries.averageBodyBytes());
        params.put("conversations", conversations);
        params.put("bare", "Vert.x 4 HttpServer (own Vertx, 1 server = 1 event loop): read body, check signature"
                           + " (thread-local keyed Mac, constant-time compare), answer 200 OK");
        params.put("camel", "kapso:webhook?path=" + PATH + "&webhookSecret=...&webhookIdempotentRepository=#" + IDEMPOTENCY
                            + " (JdbcMessageIdRepository) on platform-http (VertxPlatformHttpServer, defaults) -> hub"
                            + " EventRows -> sql upsert-event, upsert-message, upsert-conversation (camel-kapso-hub's SQL)"
                            + " on an H2 file database in a temporary directory, JdbcConnectionPool (H2 defaults: "
                            + h2MaxConnections + " connections)");
        if (measured.containsKey("component")) {
            params.put("component", "diagnostic: kapso:webhook?path=" + COMPONENT_PATH + "&webhookSecret=... with an empty"
                                    + " route (no idempotent repository, no database), same platform-http server");
        }
        params.put("answerChecked", "HTTP 200 with body OK (camel answers Ignored for a duplicate)");

        Map<String, Object> out = ResultsFile.header(BENCHMARK, valid, errors);
        out.put("machine", machine.json(camel == null ? null : camel.getVersion(), Map.of(),
                Map.of("h2Version", org.h2.engine.Constants.VERSION)));
        out.put("parameters", params);
        Map<String, Object> clients = new LinkedHashMap<>();
        for (Variant v : variants) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("deliveriesAnswered200", v.sent);
            c.put("connectionsOpened", v.connections.get());
            if (v.name.equals("bare")) {
                c.put("serverVerified", bareVerified.get());
            }
            clients.put(v.name, c);
        }
        out.put("clients", clients);
        if (databaseCheck != null) {
            out.put("database", databaseCheck);
        }
        Map<String, Object> warmJson = new LinkedHashMap<>();
        warmJson.put("rounds", warm.rounds());
        warmJson.put("deliveriesPerVariant", warm.deliveriesPerVariant());
        warmJson.put("seconds", round3(warm.nanos() / 1e9));
        Map<String, Object> lastRound = new LinkedHashMap<>();
        warm.last().forEach((name, r) -> lastRound.put(name, roundJson(r)));
        warmJson.put("lastRound", lastRound);
        out.put("warmup", warmJson);
        List<Map<String, Object>> perRound = new ArrayList<>();
        int completed = measured.values().stream().mapToInt(List::size).min().orElse(0);
        for (int i = 0; i < completed; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("round", i + 1);
            r.put("order", String.join(",", orders.get(i)));
            for (Map.Entry<String, List<Round>> e : measured.entrySet()) {
                r.put(e.getKey(), roundJson(e.getValue().get(i)));
            }
            for (String name : comparedToBare(measured)) {
                Round bare = measured.get("bare").get(i);
                Round other = measured.get(name).get(i);
                Map<String, Object> ratio = new LinkedHashMap<>();
                ratio.put("throughput", round3(other.throughput() / bare.throughput()));
                ratio.put("latencyP50", round3(other.p50Millis() / bare.p50Millis()));
                ratio.put("latencyP99", round3(other.p99Millis() / bare.p99Millis()));
                r.put(ratioKey(name), ratio);
            }
            perRound.add(r);
        }
        out.put("rounds", perRound);
        if (completed > 0) {
            Map<String, Object> summary = new LinkedHashMap<>();
            measured.forEach((name, rounds) -> summary.put(name, summaryJson(rounds)));
            for (String name : comparedToBare(measured)) {
                Map<String, Object> ratio = new LinkedHashMap<>();
                ratio.put("throughput", round3(ratio(measured, name, Round::throughput)));
                ratio.put("latencyP50", round3(ratio(measured, name, Round::p50Millis)));
                ratio.put("latencyP99", round3(ratio(measured, name, Round::p99Millis)));
                ratio.put("meaning", "throughput: " + name + " median ev/s / bare median ev/s (1.0 = no cost); latency: "
                                     + name + " median p50 (p99) / bare median p50 (p99) (1.0 = no cost, 3.0 = three"
                                     + " times as long)");
                summary.put(ratioKey(name), ratio);
            }
            out.put("summary", summary);
        }
        return out;
    }

    /** The variants measured besides bare, when bare was measured too. */
    private static List<String> comparedToBare(Map<String, ?> measured) {
        return measured.containsKey("bare") ? measured.keySet().stream().filter(n -> !n.equals("bare")).toList() : List.of();
    }

    private static String ratioKey(String name) {
        return "ratio" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "ToBare";
    }

    /** Median of {@code name} over median of bare. */
    private static double ratio(Map<String, List<Round>> measured, String name, ToDoubleFunction<Round> f) {
        return median(measured.get(name), f) / median(measured.get("bare"), f);
    }

    private static String describeRatios(Map<String, Round> round) {
        StringBuilder sb = new StringBuilder();
        for (String name : comparedToBare(round)) {
            sb.append(String.format(", ratio %s/bare %.3f", name, round.get(name).throughput() / round.get("bare").throughput()));
        }
        return sb.toString();
    }

    private static Map<String, Object> roundJson(Round r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deliveries", r.requests());
        m.put("seconds", round3(r.nanos() / 1e9));
        m.put("eventsPerSec", Math.round(r.throughput()));
        m.put("latencyP50Ms", round3(r.p50Millis()));
        m.put("latencyP99Ms", round3(r.p99Millis()));
        m.put("latencyMaxMs", round3(r.sortedLatencies().length == 0 ? 0
                : r.sortedLatencies()[r.sortedLatencies().length - 1] / 1e6));
        m.put("cpuMicrosPerDelivery", round3(r.cpuMicrosPerRequest()));
        m.put("failed", r.failed());
        return m;
    }

    private static Map<String, Object> summaryJson(List<Round> rounds) {
        Map<String, Object> m = RoundStats.medianMinMaxJson(rounds, Round::throughput, "EventsPerSec");
        m.put("medianLatencyP50Ms", round3(median(rounds, Round::p50Millis)));
        m.put("medianLatencyP99Ms", round3(median(rounds, Round::p99Millis)));
        // every measured delivery of every round together
        long[] all = rounds.stream().flatMapToLong(r -> Arrays.stream(r.sortedLatencies())).sorted().toArray();
        m.put("allRoundsLatencyP50Ms", round3(percentile(all, 0.50) / 1e6));
        m.put("allRoundsLatencyP99Ms", round3(percentile(all, 0.99) / 1e6));
        m.put("medianCpuMicrosPerDelivery", round3(median(rounds, Round::cpuMicrosPerRequest)));
        return m;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    System.out.println("note: could not delete a temporary database file: " + e.getMessage());
                }
            });
        } catch (IOException e) {
            System.out.println("note: could not delete the temporary database directory: " + e.getMessage());
        }
    }
}
