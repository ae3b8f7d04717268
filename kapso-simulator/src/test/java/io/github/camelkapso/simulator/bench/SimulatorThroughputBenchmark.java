package io.github.camelkapso.simulator.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.KapsoSimulator;
import io.github.camelkapso.simulator.SimulatorConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * How many sendMessage (text) requests per second the simulator answers, measured as a user drives it: over HTTP/1.1
 * keep-alive connections, with a fixed number of requests in flight, the default time factor (so every send
 * schedules its sent, delivered and read status timers), the request log and API logs on. Each recipient first
 * writes in (an injected inbound text), so the 24-hour window is open.
 * <p>
 * After a warm-up, the load runs through {@code rounds} back-to-back windows of {@code seconds} each; every round
 * reports requests/s and p50/p99 latency; the summary is the median round and the error count (which must be 0).
 * Results go to {@code kapso-simulator/target/simulator-throughput.json}, with the CPU time the simulator's event loop
 * spent per request (the figure that stays meaningful when other processes share the machine).
 * <p>
 * Run: {@code mvn -B -q -pl kapso-simulator test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.camelkapso.simulator.bench.SimulatorThroughputBenchmark}, optionally with
 * {@code -Dbench.concurrency=96 -Dbench.recipients=1000 -Dbench.warmup=5 -Dbench.seconds=5 -Dbench.rounds=5
 * -Dbench.target=10000}.
 */
public final class SimulatorThroughputBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final int concurrency = Integer.getInteger("bench.concurrency", 96);
    private final int recipients = Integer.getInteger("bench.recipients", 1000);
    private final int warmupSeconds = Integer.getInteger("bench.warmup", 5);
    private final int roundSeconds = Integer.getInteger("bench.seconds", 5);
    private final int rounds = Integer.getInteger("bench.rounds", 5);
    private final int target = Integer.getInteger("bench.target", 10_000);

    /** One round's figures. */
    record Round(int index, long requests, double requestsPerSecond, double p50Millis, double p99Millis, long errors,
                 double serverCpuMicrosPerRequest) {
    }

    public static void main(String[] args) throws Exception {
        int status = new SimulatorThroughputBenchmark().run();
        // exec:java runs inside Maven's JVM: return rather than System.exit when all went well
        if (status != 0) {
            System.exit(status);
        }
    }

    int run() throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults();
        KapsoSimulator simulator = KapsoSimulator.start(config);
        Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            HttpClient client = clientVertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true).setPipelining(false)
                    .setDefaultHost("127.0.0.1").setDefaultPort(simulator.port()),
                    new PoolOptions().setHttp1MaxSize(concurrency));
            String[] numbers = openWindows(client, recipients);
            Thread serverLoop = simulator.onLoop(Thread::currentThread);
            Load load = new Load(clientVertx.getOrCreateContext(), client, config, numbers, concurrency);
            long warmupEnd = load.start() + TimeUnit.SECONDS.toNanos(warmupSeconds);
            long[] boundaries = new long[rounds + 1];
            long[] serverCpu = new long[rounds + 1];
            for (int i = 0; i <= rounds; i++) {
                boundaries[i] = warmupEnd + TimeUnit.SECONDS.toNanos((long) roundSeconds * i);
                sleepUntil(boundaries[i]);
                serverCpu[i] = THREADS.getThreadCpuTime(serverLoop.getId());
            }
            Recorded recorded = load.stop();
            List<Round> results = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                results.add(recorded.round(i + 1, boundaries[i], boundaries[i + 1], serverCpu[i + 1] - serverCpu[i]));
            }
            return report(results, recorded.errorsAfter(warmupEnd), recorded.firstError());
        } finally {
            clientVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            simulator.close();
        }
    }

    /** Every recipient writes in first: sends to them are inside the 24-hour window. */
    private static String[] openWindows(HttpClient client, int count) throws Exception {
        String[] numbers = new String[count];
        List<Future<Integer>> injected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers[i] = String.format(Locale.ROOT, "1555%07d", 2_000_000 + i);
            ObjectNode body = MAPPER.createObjectNode().put("from", numbers[i]).put("name", "Bench " + i).put("text", "hi");
            injected.add(post(client, "/_sim/inbound/text", null, Buffer.buffer(body.toString())));
            if (injected.size() == 100 || i == count - 1) {
                for (Future<Integer> f : injected) {
                    int status = f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                    if (status != 201) {
                        throw new IllegalStateException("POST /_sim/inbound/text answered " + status);
                    }
                }
                injected.clear();
            }
        }
        return numbers;
    }

    private static Future<Integer> post(HttpClient client, String path, String apiKey, Buffer body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                .putHeader("Content-Type", "application/json");
        if (apiKey != null) {
            options.putHeader("X-API-Key", apiKey);
        }
        return client.request(options)
                .compose(req -> req.send(body))
                .compose(resp -> resp.body().map(b -> resp.statusCode()));
    }

    /**
     * The closed-loop load: {@code concurrency} requests in flight, each completion sending the next. Runs on the
     * client's single event loop; the main thread reads what it recorded only after {@link #stop()}.
     */
    private static final class Load {
        private final Context loop;
        private final HttpClient client;
        private final String path;
        private final String apiKey;
        private final Buffer[] bodies;
        private final int concurrency;
        private final Recorded recorded = new Recorded();
        private volatile boolean running;
        private int inFlight;
        private long next;
        private final CountDownLatch drained = new CountDownLatch(1);

        Load(Context loop, HttpClient client, SimulatorConfig config, String[] numbers, int concurrency) {
            this.loop = loop;
            this.client = client;
            this.path = "/meta/whatsapp/v24.0/" + config.phoneNumberId() + "/messages";
            this.apiKey = config.apiKey();
            this.concurrency = concurrency;
            this.bodies = new Buffer[numbers.length];
            for (int i = 0; i < numbers.length; i++) {
                bodies[i] = Buffer.buffer(("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\""
                        + numbers[i] + "\",\"type\":\"text\",\"text\":{\"body\":\"Your order A-1001 has shipped.\"}}")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }

        /** @return the nanoTime the load started */
        long start() {
            long started = System.nanoTime();
            running = true;
            loop.runOnContext(v -> {
                for (int i = 0; i < concurrency; i++) {
                    inFlight++;
                    fire();
                }
            });
            return started;
        }

        Recorded stop() throws InterruptedException {
            running = false;
            if (!drained.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests still in flight 30 s after the load stopped");
            }
            return recorded;
        }

        private void fire() {
            Buffer body = bodies[(int) (next++ % bodies.length)];
            long sent = System.nanoTime();
            post(client, path, apiKey, body).onComplete(ar -> {
                long done = System.nanoTime();
                boolean ok = ar.succeeded() && ar.result() == 200;
                recorded.add(done, done - sent, ok, ok ? null : ar.failed() ? ar.cause().toString() : "HTTP " + ar.result());
                if (running) {
                    fire();
                } else if (--inFlight == 0) {
                    drained.countDown();
                }
            });
        }
    }

    /** Completion times and latencies, in order of completion. */
    private static final class Recorded {
        private long[] done = new long[1 << 20];
        private long[] latency = new long[1 << 20];
        private boolean[] ok = new boolean[1 << 20];
        private int size;
        private String firstError;

        void add(long doneAt, long latencyNanos, boolean success, String error) {
            if (size == done.length) {
                done = Arrays.copyOf(done, size * 2);
                latency = Arrays.copyOf(latency, size * 2);
                ok = Arrays.copyOf(ok, size * 2);
            }
            done[size] = doneAt;
            latency[size] = latencyNanos;
            ok[size] = success;
            size++;
            if (!success && firstError == null) {
                firstError = error;
            }
        }

        Round round(int index, long from, long to, long serverCpuNanos) {
            long[] latencies = new long[size];
            int n = 0;
            long errors = 0;
            for (int i = 0; i < size; i++) {
                if (done[i] >= from && done[i] < to) {
                    latencies[n++] = latency[i];
                    errors += ok[i] ? 0 : 1;
                }
            }
            Arrays.sort(latencies, 0, n);
            double seconds = (to - from) / 1e9;
            return new Round(index, n, n / seconds, percentile(latencies, n, 0.50), percentile(latencies, n, 0.99), errors,
                    n == 0 ? Double.NaN : serverCpuNanos / 1e3 / n);
        }

        long errorsAfter(long from) {
            long errors = 0;
            for (int i = 0; i < size; i++) {
                if (done[i] >= from && !ok[i]) {
                    errors++;
                }
            }
            return errors;
        }

        String firstError() {
            return firstError;
        }

        private static double percentile(long[] sorted, int n, double p) {
            if (n == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(n - 1, Math.ceil(p * n) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    private int report(List<Round> results, long errors, String firstError) throws IOException {
        double[] rates = results.stream().mapToDouble(Round::requestsPerSecond).sorted().toArray();
        double median = median(rates);
        Round medianRound = results.stream().min((a, b) -> Double.compare(Math.abs(a.requestsPerSecond() - median),
                Math.abs(b.requestsPerSecond() - median))).orElseThrow();
        double p50 = median(results.stream().mapToDouble(Round::p50Millis).sorted().toArray());
        double p99 = median(results.stream().mapToDouble(Round::p99Millis).sorted().toArray());
        double cpu = median(results.stream().mapToDouble(Round::serverCpuMicrosPerRequest).sorted().toArray());

        ObjectNode out = MAPPER.createObjectNode();
        out.put("benchmark", "simulator-throughput");
        out.put("operation", "sendMessage (text, Meta proxy), status timers on (time factor 1.0)");
        out.put("timestamp", Instant.now().toString());
        out.put("java", System.getProperty("java.version"));
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("concurrency", concurrency);
        out.put("recipients", recipients);
        out.put("warmup_seconds", warmupSeconds);
        out.put("round_seconds", roundSeconds);
        out.put("requests_per_second_median", Math.round(median));
        out.put("requests_per_second_best", Math.round(rates[rates.length - 1]));
        out.put("p50_ms", round2(p50));
        out.put("p99_ms", round2(p99));
        out.put("errors", errors);
        out.put("server_loop_cpu_us_per_request", round2(cpu));
        if (firstError != null) {
            out.put("first_error", firstError);
        }
        out.put("target_requests_per_second", target);
        out.put("meets_target", median >= target);
        ArrayNode roundsOut = out.putArray("rounds");
        for (Round r : results) {
            roundsOut.addObject().put("round", r.index()).put("requests", r.requests())
                    .put("requests_per_second", Math.round(r.requestsPerSecond()))
                    .put("p50_ms", round2(r.p50Millis())).put("p99_ms", round2(r.p99Millis())).put("errors", r.errors())
                    .put("server_loop_cpu_us_per_request", round2(r.serverCpuMicrosPerRequest()));
        }
        Path file = resultsFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, MAPPER.writeValueAsString(out) + "\n");

        System.out.printf(Locale.ROOT, "simulator sendMessage: %d req/s median of %d rounds (best %d), p50 %.2f ms, p99 %.2f ms, "
                                       + "%d errors, %d in flight, server loop %.1f us CPU/request, target %d req/s %s -> %s%n",
                Math.round(median), results.size(), Math.round(rates[rates.length - 1]), p50, p99, errors, concurrency, cpu, target,
                median >= target ? "met" : "NOT met", file);
        if (errors > 0) {
            System.err.println("Benchmark requests failed (first: " + firstError + ")");
            return 1;
        }
        return 0;
    }

    /** kapso-simulator/target/simulator-throughput.json, found from where this class was compiled to. */
    private static Path resultsFile() {
        try {
            Path testClasses = Path.of(SimulatorThroughputBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().resolve("simulator-throughput.json");
        } catch (Exception e) {
            return Path.of("target", "simulator-throughput.json");
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }
}
