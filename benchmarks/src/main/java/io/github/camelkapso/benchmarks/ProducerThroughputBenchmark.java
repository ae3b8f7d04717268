package io.github.camelkapso.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
    static final int MAX_ERROR_SAMPLES = 10;

    /** Request bodies: compact, as the producer writes them. */
    private static final ObjectMapper WIRE = new ObjectMapper();
    /** The results file. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final int requests = intProperty("bench.requests", 20_000);
    private final int rounds = intProperty("bench.rounds", 5);
    private final int warmup = intProperty("bench.warmup", 20_000);
    private final int inflight = intProperty("bench.inflight", 64);
    private final int serverLoops = intProperty("bench.serverLoops", 1);
    private final boolean directProducer = Boolean.getBoolean("bench.directProducer");
    private final Path output = Path.of(System.getProperty("bench.output", defaultOutput()));

    private final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final AtomicLong connectionsClosed = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final ConcurrentLinkedQueue<String> serverErrorSamples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

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
            System.out.printf("Meta stub on %s (%d event loop(s)); %d cores, Java %s, load average %.2f%n", baseUrl,
                    serverLoops, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAtStart);
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
            for (int r = 0; r < rounds && errors.get() == 0; r++) {
                // alternate the order every round (raw first, then camel first, ...) so drift cancels out
                List<Variant> order = new ArrayList<>(variants);
                if (r % 2 == 1) {
                    Collections.reverse(order);
                }
                Map<String, Round> round = new LinkedHashMap<>();
                for (Variant v : order) {
                    round.put(v.name(), measure(v, requests));
                }
                variants.forEach(v -> measured.get(v.name()).add(round.get(v.name())));
                orders.add(order.stream().map(Variant::name).toList());
                System.out.printf("  round %d (%s first): %s, ratio %.3f%n", r + 1, order.get(0).name(),
                        describe(round), round.get("camel").throughput() / round.get("raw").throughput());
            }

            long failed = errors.get();
            Map<String, Object> report = report(measured, orders, camel.getVersion(), warm);
            Files.createDirectories(output.toAbsolutePath().getParent());
            JSON.writeValue(output.toFile(), report);

            if (failed > 0) {
                System.out.printf("FAILED: %d request(s) failed; first errors:%n", failed);
                errorSamples.forEach(e -> System.out.println("  " + e));
                System.out.printf("server: %d connections opened, %d closed during the run, %d connection errors %s%n",
                        connectionsOpened.get(), connectionsClosed.get(), serverErrors.get(), serverErrorSamples);
                System.out.println("results (not valid) written to " + output.toAbsolutePath());
                return 1;
            }
            List<Round> rawRounds = measured.get("raw");
            List<Round> camelRounds = measured.get("camel");
            double rawMedian = median(rawRounds);
            double camelMedian = median(camelRounds);
            System.out.printf("RESULT producer-throughput: raw %.0f req/s [%.0f..%.0f], camel %.0f req/s [%.0f..%.0f],"
                              + " ratio camel/raw %.3f (%d rounds x %d requests, %d in flight, %d cores, Java %s, FJ parallelism %d) -> %s%n",
                    rawMedian, min(rawRounds), max(rawRounds), camelMedian, min(camelRounds), max(camelRounds),
                    camelMedian / rawMedian, rawRounds.size(), requests, inflight,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
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
                    .exceptionHandler(e -> {
                        if (serverErrors.incrementAndGet() <= MAX_ERROR_SAMPLES) {
                            serverErrorSamples.add(String.valueOf(e));
                        }
                    });
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

    interface Variant {
        String name();

        /** Sends one request; calls {@code done} exactly once, from any thread, with null or an error text. */
        void send(long index, Completion done);
    }

    @FunctionalInterface
    interface Completion {
        void complete(String error);
    }

    /** What the producer does on the wire, without Camel: same client settings, URL, headers, version and timeout. */
    static final class RawVariant implements Variant {
        private final HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        private final URI uri;
        private final byte[] body;

        RawVariant(String baseUrl, byte[] body) {
            this.uri = URI.create(baseUrl + "/meta/whatsapp/" + GRAPH_VERSION + "/" + PHONE_NUMBER_ID + "/messages");
            this.body = body;
        }

        @Override
        public String name() {
            return "raw";
        }

        @Override
        public void send(long index, Completion done) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(REQUEST_TIMEOUT)
                    .version(HttpClient.Version.HTTP_1_1)
                    .header("Accept", "application/json")
                    .header("X-API-Key", API_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            CompletableFuture<HttpResponse<byte[]>> sent;
            try {
                sent = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (RuntimeException e) {
                done.complete("raw #" + index + ": " + e);
                return;
            }
            sent.whenComplete((response, error) -> {
                if (error != null) {
                    done.complete("raw #" + index + ": " + error);
                } else if (response.statusCode() != 200) {
                    done.complete("raw #" + index + ": HTTP " + response.statusCode() + " "
                                  + new String(response.body(), StandardCharsets.UTF_8));
                } else if (response.body() == null || response.body().length == 0) {
                    done.complete("raw #" + index + ": empty answer");
                } else {
                    done.complete(null);
                }
            });
        }
    }

    /** {@code kapso:sendMessage} through a ProducerTemplate, as a route's {@code to("kapso:sendMessage")} would. */
    static final class CamelVariant implements Variant {
        private final ProducerTemplate template;
        private final Endpoint endpoint;
        private final Map<String, Object> message;

        CamelVariant(CamelContext context, Map<String, Object> message) {
            this.template = context.createProducerTemplate();
            this.endpoint = context.getEndpoint("kapso:sendMessage");
            this.message = message;
        }

        @Override
        public String name() {
            return "camel";
        }

        @Override
        public void send(long index, Completion done) {
            CompletableFuture<Exchange> sent;
            try {
                sent = template.asyncSend(endpoint, ex -> ex.getMessage().setBody(message));
            } catch (RuntimeException e) {
                done.complete("camel #" + index + ": " + e);
                return;
            }
            sent.whenComplete((exchange, error) -> {
                if (error != null) {
                    done.complete("camel #" + index + ": " + error);
                } else if (exchange.getException() != null) {
                    done.complete("camel #" + index + ": " + exchange.getException());
                } else {
                    done.complete(check(index, exchange));
                }
            });
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
    static final class DirectProducerVariant implements Variant {
        private final Endpoint endpoint;
        private final AsyncProducer producer;
        private final Map<String, Object> message;

        DirectProducerVariant(CamelContext context, Map<String, Object> message) throws Exception {
            this.endpoint = context.getEndpoint("kapso:sendMessage");
            this.producer = endpoint.createAsyncProducer();
            context.addService(producer, true, true); // started now, stopped with the context
            this.message = message;
        }

        @Override
        public String name() {
            return "producer";
        }

        @Override
        public void send(long index, Completion done) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(message);
            try {
                producer.process(exchange, sync -> done.complete(exchange.getException() != null
                        ? "producer #" + index + ": " + exchange.getException()
                        : CamelVariant.check(index, exchange)));
            } catch (RuntimeException e) {
                done.complete("producer #" + index + ": " + e);
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
                if (errors.incrementAndGet() <= MAX_ERROR_SAMPLES) {
                    errorSamples.add(error);
                }
            }
            slots.release();
        };
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BATCH_TIMEOUT_SECONDS);
        long cpuStart = processCpuNanos();
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
        long cpuEnd = processCpuNanos();
        return new Round(variant.name(), count, nanos, cpuStart < 0 ? -1 : cpuEnd - cpuStart, failedHere.get());
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
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
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("javaVersion", System.getProperty("java.version"));
        machine.put("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        // no argument naming a filesystem path: the file is committed (see JvmArguments)
        machine.put("jvmArgs", JvmArguments.withoutPaths());
        machine.put("jvmArgsOmitted", JvmArguments.omitted());
        machine.put("forkJoinCommonPoolParallelism", ForkJoinPool.getCommonPoolParallelism());
        machine.put("completableFutureDefaultExecutor", asyncPoolName());
        machine.put("loadAverageAtStart", round3(loadAtStart));
        machine.put("loadAverageAtEnd", round3(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        machine.put("camelVersion", camelVersion);
        machine.put("vertxVersion", vertxVersion());

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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "producer-throughput");
        out.put("timestamp", Instant.now().toString());
        out.put("valid", errors.get() == 0 && rawRounds.size() == rounds);
        out.put("errors", errors.get());
        if (!errorSamples.isEmpty()) {
            out.put("errorSamples", new ArrayList<>(errorSamples));
        }
        out.put("machine", machine);
        out.put("parameters", params);
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("requestsAnswered", answered.get());
        server.put("connectionsOpened", connectionsOpened.get());
        server.put("connectionsClosedDuringRun", connectionsClosed.get());
        server.put("connectionErrors", serverErrors.get());
        if (!serverErrorSamples.isEmpty()) {
            server.put("connectionErrorSamples", new ArrayList<>(serverErrorSamples));
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
            summary.put("ratioCamelToRaw", round3(median(measured.get("camel")) / median(rawRounds)));
            if (measured.containsKey("producer")) {
                summary.put("ratioProducerToRaw", round3(median(measured.get("producer")) / median(rawRounds)));
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("medianReqPerSec", Math.round(median(rounds)));
        m.put("minReqPerSec", Math.round(min(rounds)));
        m.put("maxReqPerSec", Math.round(max(rounds)));
        double[] cpu = rounds.stream().mapToDouble(Round::cpuMicrosPerRequest).sorted().toArray();
        m.put("medianCpuMicrosPerRequest", round3(median(cpu)));
        return m;
    }

    static double median(List<Round> rounds) {
        return median(rounds.stream().mapToDouble(Round::throughput).sorted().toArray());
    }

    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static double min(List<Round> rounds) {
        return rounds.stream().mapToDouble(Round::throughput).min().orElse(Double.NaN);
    }

    static double max(List<Round> rounds) {
        return rounds.stream().mapToDouble(Round::throughput).max().orElse(Double.NaN);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * The executor {@code HttpClient.sendAsync} completes its futures on. With a common pool parallelism below 2 (any
     * machine with 2 cores or fewer) it is {@code ThreadPerTaskExecutor}: one new thread per response, in both variants.
     */
    static String asyncPoolName() {
        return new CompletableFuture<Void>().defaultExecutor().getClass().getSimpleName();
    }

    private static String vertxVersion() {
        try (InputStream in = Vertx.class.getClassLoader().getResourceAsStream("META-INF/vertx/vertx-version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int intProperty(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /** benchmarks/results/... from the repository root (where the documented command runs), results/... from benchmarks/. */
    private static String defaultOutput() {
        return Files.isDirectory(Path.of("benchmarks")) && Files.exists(Path.of("benchmarks", "pom.xml"))
                ? "benchmarks/results/producer-throughput.json" : "results/producer-throughput.json";
    }
}
