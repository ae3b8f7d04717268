package io.github.camelkapso.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.KapsoConstants;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import static io.github.camelkapso.benchmarks.BenchOptions.intOption;
import static io.github.camelkapso.benchmarks.RoundStats.max;
import static io.github.camelkapso.benchmarks.RoundStats.median;
import static io.github.camelkapso.benchmarks.RoundStats.min;
import static io.github.camelkapso.benchmarks.RoundStats.round3;

/**
 * Throughput of {@code kapso:sendMessage} against the raw JDK {@link HttpClient} it is built on, in one JVM and one
 * run, both talking HTTP/1.1 to the same local Vert.x server that answers like Meta's send endpoint.
 * <ul>
 * <li><b>raw</b>: {@code HttpClient.sendAsync} of a prebuilt JSON body with the same headers, URL, HTTP version and
 * timeout the producer uses, {@code BodyHandlers.ofByteArray()}, status checked;</li>
 * <li><b>camel</b>: {@code ProducerTemplate.asyncSend} to the {@code kapso:sendMessage} endpoint with the message as
 * a {@code Map}; the producer encodes it, sends it, parses the reply into a {@code Map} and sets its headers; the
 * exchange is checked for an exception, status 200 and the message id.</li>
 * </ul>
 * Both keep {@code bench.inflight} requests in flight (a {@link Semaphore}). After a warm-up of each, measured rounds
 * alternate the order (raw, camel / camel, raw / ...) so slow drift cancels out. Any failed request fails the run.
 * <p>
 * System properties (all optional): {@code bench.requests} (per variant per round, default 20000),
 * {@code bench.rounds} (default 5), {@code bench.warmup} (per variant, default 20000), {@code bench.inflight} (default
 * 64), {@code bench.serverLoops} (Vert.x event loops serving, default 1), {@code bench.output} (results file),
 * {@code bench.directProducer} (default false: also measure the endpoint's producer called without a ProducerTemplate).
 */
public final class ProducerThroughputBenchmark {

    static final String API_KEY = "bench-key-5f3c1e";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String GRAPH_VERSION = "v24.0";
    static final String RECIPIENT = "15551234567";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Longest a single batch may take before the run is declared hung: bounded waits only. */
    static final long BATCH_TIMEOUT_SECONDS = 300;
    static final String BENCHMARK = "producer-throughput";

    /** Request bodies: compact, as the producer writes them. */
    private static final ObjectMapper WIRE = new ObjectMapper();

    private final int requests = intOption("bench.requests", 20_000);
    private final int rounds = intOption("bench.rounds", 5);
    private final int warmup = intOption("bench.warmup", 20_000);
    private final int inflight = intOption("bench.inflight", 64);
    private final int serverLoops = intOption("bench.serverLoops", 1);
    private final boolean directProducer = Boolean.getBoolean("bench.directProducer");
    private final Path output = ResultsFile.output(BENCHMARK);

    private final MachineFacts machine = new MachineFacts();
    private final ErrorLog errors = new ErrorLog();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final AtomicLong connectionsClosed = new AtomicLong();
    private final ErrorLog serverErrors = new ErrorLog();

    public static void main(String[] args) throws Exception {
        int status = new ProducerThroughputBenchmark().run();
        if (status != 0) {
            // a failed run must fail the command, both under mvn exec:java and java -cp
            throw new IllegalStateException("producer-throughput run failed: some requests did not succeed");
        }
    }

    int run() throws Exception {
        if (requests <= 0 || rounds <= 0 || warmup < 0 || inflight <= 0 || serverLoops <= 0) {
            throw new IllegalArgumentException("bench.requests, bench.rounds, bench.inflight and bench.serverLoops must be"
                                               + " positive and bench.warmup not negative");
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(1, serverLoops)));
        CamelContext camel = null;
        try {
            int port = startServers(vertx);
            String baseUrl = "http://127.0.0.1:" + port;
            System.out.printf("Meta stub on %s (%d event loop(s)); %s%n", baseUrl, serverLoops, machine.describe());
            if (ForkJoinPool.getCommonPoolParallelism() < 2) {
                System.out.printf("note: ForkJoinPool common parallelism is %d, so HttpClient.sendAsync completes every"
                                  + " response on a new thread (%s) in both variants; see README.md%n",
                        ForkJoinPool.getCommonPoolParallelism(), asyncPoolName());
            }

            Map<String, Object> message = textMessage();
            camel = startCamel(baseUrl);
            List<Variant> variants = new ArrayList<>();
            variants.add(new RawVariant(baseUrl, WIRE.writeValueAsBytes(message)));
            variants.add(new CamelVariant(camel, message));
            if (directProducer) {
                variants.add(new DirectProducerVariant(camel, message));
            }

            System.out.printf("warm-up: %d requests per variant, %d in flight%n", warmup, inflight);
            Map<String, Round> warm = new LinkedHashMap<>();
            for (Variant v : variants) {
                warm.put(v.name(), measure(v, warmup));
            }
            System.out.println("  warm-up " + describe(warm));

            Map<String, List<Round>> measured = new LinkedHashMap<>();
            variants.forEach(v -> measured.put(v.name(), new ArrayList<>()));
            List<List<String>> orders = new ArrayList<>();
            for (int r = 0; r < rounds && errors.count() == 0; r++) {
                // alternate the order every round (raw first, then camel first, ...) so drift cancels out
                List<Variant> order = RoundOrder.of(variants, r);
                Map<String, Round> round = new LinkedHashMap<>();
                for (Variant v : order) {
                    round.put(v.name(), measure(v, requests));
                }
                variants.forEach(v -> measured.get(v.name()).add(round.get(v.name())));
                orders.add(order.stream().map(Variant::name).toList());
                System.out.printf("  round %d (%s first): %s, ratio %.3f%n", r + 1, order.get(0).name(),
                        describe(round), round.get("camel").throughput() / round.get("raw").throughput());
            }

            long failed = errors.count();
            ResultsFile.write(output, report(measured, orders, camel.getVersion(), warm));

            if (failed > 0) {
                System.out.printf("FAILED: %d request(s) failed; first errors:%n", failed);
                errors.samples().forEach(e -> System.out.println("  " + e));
                System.out.printf("server: %d connections opened, %d closed during the run, %d connection errors %s%n",
                        connectionsOpened.get(), connectionsClosed.get(), serverErrors.count(), serverErrors.samples());
                System.out.println("results (not valid) written to " + output.toAbsolutePath());
                return 1;
            }
            List<Round> rawRounds = measured.get("raw");
            List<Round> camelRounds = measured.get("camel");
            double rawMedian = median(rawRounds, Round::throughput);
            double camelMedian = median(camelRounds, Round::throughput);
            System.out.printf("RESULT producer-throughput: raw %.0f req/s [%.0f..%.0f], camel %.0f req/s [%.0f..%.0f],"
                              + " ratio camel/raw %.3f (%d rounds x %d requests, %d in flight, %d cores, Java %s, FJ parallelism %d) -> %s%n",
                    rawMedian, min(rawRounds, Round::throughput), max(rawRounds, Round::throughput), camelMedian,
                    min(camelRounds, Round::throughput), max(camelRounds, Round::throughput), camelMedian / rawMedian,
                    rawRounds.size(), requests, inflight, MachineFacts.cores(), MachineFacts.javaVersion(),
                    ForkJoinPool.getCommonPoolParallelism(), output);
            return 0;
        } finally {
            if (camel != null) {
                camel.stop();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ the Meta stub

    /** Starts {@code serverLoops} HTTP servers sharing one port (Vert.x balances connections over them). */
    private int startServers(Vertx vertx) throws Exception {
        AtomicLong counter = answered;
        String path = "/meta/whatsapp/" + GRAPH_VERSION + "/" + PHONE_NUMBER_ID + "/messages";
        int port = 0;
        for (int i = 0; i < serverLoops; i++) {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                    .requestHandler(req -> handle(req, path, counter))
                    .connectionHandler(conn -> {
                        // per connection, not per request: tells a client-side I/O error from a server-side close
                        connectionsOpened.incrementAndGet();
                        conn.closeHandler(v -> connectionsClosed.incrementAndGet());
                    })
                    .exceptionHandler(e -> serverErrors.add(String.valueOf(e)));
            // a server created outside a verticle runs on its own event loop; later ones share the first one's port
            port = server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
        }
        return port;
    }

    private static void handle(HttpServerRequest req, String path, AtomicLong counter) {
        if (req.method() != HttpMethod.POST || !path.equals(req.path())) {
            req.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                    .end("{\"error\":{\"message\":\"Unknown path\",\"code\":100}}");
            return;
        }
        if (!API_KEY.equals(req.getHeader("X-API-Key"))) {
            req.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                    .end("{\"error\":{\"message\":\"Invalid API key\",\"code\":190}}");
            return;
        }
        req.body().onSuccess(body -> {
            String to = recipientOf(body);
            if (to == null) {
                req.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                        .end("{\"error\":{\"message\":\"Missing recipient\",\"code\":100}}");
                return;
            }
            String answer = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\"" + to
                            + "\"}],\"messages\":[{\"id\":\"wamid." + counter.incrementAndGet() + "\"}]}";
            req.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(answer);
        }).onFailure(e -> req.response().setStatusCode(500).end());
    }

    /** The {@code "to"} of a send body, found cheaply (no JSON parse: the stub must not be the bottleneck). */
    private static String recipientOf(Buffer body) {
        String text = body.toString(StandardCharsets.UTF_8);
        if (!text.contains("\"messaging_product\":\"whatsapp\"")) {
            return null;
        }
        int at = text.indexOf("\"to\":\"");
        if (at < 0) {
            return null;
        }
        int start = at + 6;
        int end = text.indexOf('"', start);
        return end > start ? text.substring(start, end) : null;
    }

    // ------------------------------------------------------------------ the two variants

    /** A text message as a route would build it. */
    static Map<String, Object> textMessage() {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("preview_url", false);
        text.put("body", "Your order #48213 has shipped and will arrive on Thursday. Reply STOP to opt out.");
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messaging_product", "whatsapp");
        message.put("recipient_type", "individual");
        message.put("to", RECIPIENT);
        message.put("type", "text");
        message.put("text", text);
        return message;
    }

    private CamelContext startCamel(String baseUrl) throws Exception {
        CamelContext context = new DefaultCamelContext();
        KapsoComponent kapso = new KapsoComponent();
        kapso.getConfiguration().setBaseUrl(baseUrl);
        kapso.getConfiguration().setApiKey(API_KEY);
        kapso.getConfiguration().setPhoneNumberId(PHONE_NUMBER_ID);
        kapso.getConfiguration().setGraphVersion(GRAPH_VERSION);
        context.addComponent("kapso", kapso);
        context.start();
        return context;
    }

    abstract static class Variant {
        private final String name;

        Variant(String name) {
            this.name = name;
        }

        /** raw, camel or producer: the variant's key in the results file and its prefix in error texts. */
        final String name() {
            return name;
        }

        /** Sends one request; calls {@code done} exactly once, from any thread, with null or an error text. */
        abstract void send(long index, Completion done);

        /**
         * Completes {@code done} once for a request started by {@code start}: with {@code "<variant> #<index>: "} and
         * the exception if starting it throws or its future fails, else with what {@code check} says of its result.
         */
        static <T> void complete(String variant, long index, Supplier<CompletableFuture<T>> start,
                                 Function<T, String> check, Completion done) {
            CompletableFuture<T> sent;
            try {
                sent = start.get();
            } catch (RuntimeException e) {
                done.complete(variant + " #" + index + ": " + e);
                return;
            }
            sent.whenComplete((result, error) -> done.complete(error != null ? variant + " #" + index + ": " + error
                    : check.apply(result)));
        }
    }

    @FunctionalInterface
    interface Completion {
        void complete(String error);
    }

    /** What the producer does on the wire, without Camel: same client settings, URL, headers, version and timeout. */
    static final class RawVariant extends Variant {
        private final HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        private final URI uri;
        private final byte[] body;

        RawVariant(String baseUrl, byte[] body) {
            super("raw");
            this.uri = URI.create(baseUrl + "/meta/whatsapp/" + GRAPH_VERSION + "/" + PHONE_NUMBER_ID + "/messages");
            this.body = body;
        }

        @Override
        void send(long index, Completion done) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(REQUEST_TIMEOUT)
                    .version(HttpClient.Version.HTTP_1_1)
                    .header("Accept", "application/json")
                    .header("X-API-Key", API_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            Variant.complete(name(), index, () -> client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()),
                    response -> check(index, response), done);
        }

        private static String check(long index, HttpResponse<byte[]> response) {
            if (response.statusCode() != 200) {
                return "raw #" + index + ": HTTP " + response.statusCode() + " "
                       + new String(response.body(), StandardCharsets.UTF_8);
            }
            if (response.body() == null || response.body().length == 0) {
                return "raw #" + index + ": empty answer";
            }
            return null;
        }
    }

    /** {@code kapso:sendMessage} through a ProducerTemplate, as a route's {@code to("kapso:sendMessage")} would. */
    static final class CamelVariant extends Variant {
        private final ProducerTemplate template;
        private final Endpoint endpoint;
        private final Map<String, Object> message;

        CamelVariant(CamelContext context, Map<String, Object> message) {
            super("camel");
            this.template = context.createProducerTemplate();
            this.endpoint = context.getEndpoint("kapso:sendMessage");
            this.message = message;
        }

        @Override
        void send(long index, Completion done) {
            Variant.complete(name(), index, () -> template.asyncSend(endpoint, ex -> ex.getMessage().setBody(message)),
                    exchange -> outcome(name(), index, exchange), done);
        }

        /** The exchange's exception as {@code "<variant> #<index>: "} and the exception, else what {@link #check} says. */
        static String outcome(String variant, long index, Exchange exchange) {
            return exchange.getException() != null ? variant + " #" + index + ": " + exchange.getException()
                    : check(index, exchange);
        }

        private static String check(long index, Exchange exchange) {
            Integer status = exchange.getMessage().getHeader(KapsoConstants.HTTP_STATUS, Integer.class);
            if (status == null || status != 200) {
                return "camel #" + index + ": status " + status;
            }
            Object id = exchange.getMessage().getHeader(KapsoConstants.MESSAGE_ID);
            if (!(id instanceof String s) || !s.startsWith("wamid.")) {
                return "camel #" + index + ": no message id, got " + id;
            }
            if (!(exchange.getMessage().getBody() instanceof Map<?, ?> reply) || !reply.containsKey("messages")) {
                return "camel #" + index + ": reply not parsed to a Map: " + exchange.getMessage().getBody();
            }
            return null;
        }
    }

    /**
     * Diagnostic (only with {@code -Dbench.directProducer=true}): the endpoint's producer called directly, without the
     * ProducerTemplate's thread pool hop and unit of work, to tell the template's cost from the producer's.
     */
    static final class DirectProducerVariant extends Variant {
        private final Endpoint endpoint;
        private final AsyncProducer producer;
        private final Map<String, Object> message;

        DirectProducerVariant(CamelContext context, Map<String, Object> message) throws Exception {
            super("producer");
            this.endpoint = context.getEndpoint("kapso:sendMessage");
            this.producer = endpoint.createAsyncProducer();
            context.addService(producer, true, true); // started now, stopped with the context
            this.message = message;
        }

        @Override
        void send(long index, Completion done) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(message);
            try {
                producer.process(exchange, sync -> done.complete(CamelVariant.outcome(name(), index, exchange)));
            } catch (RuntimeException e) {
                done.complete(name() + " #" + index + ": " + e);
            }
        }
    }

    // ------------------------------------------------------------------ measuring

    record Round(String variant, int requests, long nanos, long cpuNanos, long failed) {
        double throughput() {
            return requests / (nanos / 1e9);
        }

        /** Process CPU per request (client, server and GC together; the server's share is the same for both). */
        double cpuMicrosPerRequest() {
            return cpuNanos < 0 ? -1 : cpuNanos / 1e3 / requests;
        }
    }

    /** Sends {@code count} requests keeping {@code inflight} outstanding; returns when all have completed. */
    private Round measure(Variant variant, int count) throws InterruptedException {
        Semaphore slots = new Semaphore(inflight);
        AtomicLong failedHere = new AtomicLong();
        Completion done = error -> {
            if (error != null) {
                failedHere.incrementAndGet();
                errors.add(error);
            }
            slots.release();
        };
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BATCH_TIMEOUT_SECONDS);
        long cpuStart = ProcessCpu.nanos();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException(variant.name() + ": no answer within " + BATCH_TIMEOUT_SECONDS + " s");
            }
            variant.send(i, done);
        }
        if (!slots.tryAcquire(inflight, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException(variant.name() + ": requests still in flight after " + BATCH_TIMEOUT_SECONDS + " s");
        }
        long nanos = System.nanoTime() - start;
        long cpuEnd = ProcessCpu.nanos();
        return new Round(variant.name(), count, nanos, cpuStart < 0 ? -1 : cpuEnd - cpuStart, failedHere.get());
    }

    // ------------------------------------------------------------------ reporting

    private static String describe(Map<String, Round> round) {
        StringBuilder sb = new StringBuilder();
        round.forEach((name, r) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(String.format("%s %.0f req/s", name, r.throughput())));
        return sb.toString();
    }

    private Map<String, Object> report(Map<String, List<Round>> measured, List<List<String>> orders, String camelVersion,
                                       Map<String, Round> warm) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("requestsPerRound", requests);
        params.put("rounds", rounds);
        params.put("warmupRequests", warmup);
        params.put("inflight", inflight);
        params.put("serverEventLoops", serverLoops);
        params.put("variants", new ArrayList<>(measured.keySet()));
        params.put("http", "HTTP/1.1 over loopback (127.0.0.1)");
        params.put("operation", "kapso:sendMessage -> POST /meta/whatsapp/" + GRAPH_VERSION + "/{phone}/messages");

        List<Round> rawRounds = measured.get("raw");
        Map<String, Object> out = ResultsFile.header(BENCHMARK, errors.count() == 0 && rawRounds.size() == rounds, errors);
        out.put("machine", machine.json(camelVersion, Map.of("completableFutureDefaultExecutor", asyncPoolName()), Map.of()));
        out.put("parameters", params);
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("requestsAnswered", answered.get());
        server.put("connectionsOpened", connectionsOpened.get());
        server.put("connectionsClosedDuringRun", connectionsClosed.get());
        server.put("connectionErrors", serverErrors.count());
        if (serverErrors.hasSamples()) {
            server.put("connectionErrorSamples", serverErrors.samples());
        }
        out.put("server", server);
        Map<String, Object> warmJson = new LinkedHashMap<>();
        warm.forEach((name, r) -> warmJson.put(name, roundJson(r)));
        out.put("warmup", warmJson);
        List<Map<String, Object>> perRound = new ArrayList<>();
        for (int i = 0; i < rawRounds.size(); i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("round", i + 1);
            r.put("order", String.join(",", orders.get(i)));
            for (Map.Entry<String, List<Round>> e : measured.entrySet()) {
                r.put(e.getKey(), roundJson(e.getValue().get(i)));
            }
            r.put("ratio", round3(measured.get("camel").get(i).throughput() / rawRounds.get(i).throughput()));
            perRound.add(r);
        }
        out.put("rounds", perRound);
        if (!rawRounds.isEmpty()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            measured.forEach((name, rounds) -> summary.put(name, summaryJson(rounds)));
            summary.put("ratioCamelToRaw", round3(median(measured.get("camel"), Round::throughput)
                                                  / median(rawRounds, Round::throughput)));
            if (measured.containsKey("producer")) {
                summary.put("ratioProducerToRaw", round3(median(measured.get("producer"), Round::throughput)
                                                         / median(rawRounds, Round::throughput)));
            }
            out.put("summary", summary);
        }
        return out;
    }

    private static Map<String, Object> roundJson(Round r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", r.requests());
        m.put("seconds", round3(r.nanos() / 1e9));
        m.put("reqPerSec", Math.round(r.throughput()));
        m.put("cpuMicrosPerRequest", round3(r.cpuMicrosPerRequest()));
        m.put("failed", r.failed());
        return m;
    }

    private static Map<String, Object> summaryJson(List<Round> rounds) {
        Map<String, Object> m = RoundStats.medianMinMaxJson(rounds, Round::throughput, "ReqPerSec");
        m.put("medianCpuMicrosPerRequest", round3(median(rounds, Round::cpuMicrosPerRequest)));
        return m;
    }

    /**
     * The executor {@code HttpClient.sendAsync} completes its futures on. With a common pool parallelism below 2 (any
     * machine with 2 cores or fewer) it is {@code ThreadPerTaskExecutor}: one new thread per response, in both variants.
     */
    static String asyncPoolName() {
        return new CompletableFuture<Void>().defaultExecutor().getClass().getSimpleName();
    }
}
