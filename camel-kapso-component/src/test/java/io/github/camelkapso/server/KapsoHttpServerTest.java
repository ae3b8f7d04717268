package io.github.camelkapso.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.consumer.KapsoConsumerConfiguration;
import io.github.camelkapso.consumer.ServerBodyLimit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The big-body attack against the server settings the hub and the docs use: unsigned bodies past the limit are
 * refused by the server itself, before they are buffered, and the heap stays within a stated bound. The same attack
 * on a server without a limit is measured too, so the bound is known to tell the two apart.
 */
class KapsoHttpServerTest {

    private static final int LIMIT = KapsoConsumerConfiguration.DEFAULT_MAX_BODY_SIZE;
    private static final int ATTACKERS = 8;
    private static final int ATTACK_BODY = 16 * 1024 * 1024;
    /** Eight 16 MiB bodies buffered would be 128 MiB; refused past 1 MiB each, they cost a few buffers. */
    private static final long HEAP_BOUND = 64L * 1024 * 1024;

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void bodiesJustOverTheLimitAreRefusedWith413() throws Exception {
        VertxPlatformHttpServer server = start(new KapsoHttpServer(KapsoHttpServer.configuration("127.0.0.1", 0)));
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(clients.submit(() -> postWithLength(server.getPort(), LIMIT + 1)));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(20, TimeUnit.SECONDS)).startsWith("HTTP/1.1 413");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void concurrentHugeChunkedBodiesStayWithinTheHeapBound() throws Exception {
        VertxPlatformHttpServer server = start(new KapsoHttpServer(KapsoHttpServer.configuration("127.0.0.1", 0)));
        Attack attack = attack(server.getPort());
        assertThat(attack.statusLines()).allSatisfy(line -> assertThat(line).startsWith("HTTP/1.1 413"));
        assertThat(attack.heapGrowth()).as("heap growth in bytes").isLessThan(HEAP_BOUND);
    }

    @Test
    void withoutTheServerLimitTheSameAttackPassesTheBound() throws Exception {
        VertxPlatformHttpServer server = start(new KapsoHttpServer(unlimited()));
        Attack attack = attack(server.getPort());
        assertThat(attack.heapGrowth()).as("heap growth in bytes").isGreaterThan(HEAP_BOUND);
    }

    @Test
    void theConsumerWarnsWhenTheServerAcceptsMoreThanIt() throws Exception {
        start(new VertxPlatformHttpServer(unlimited()));
        assertThat(ServerBodyLimit.warnIfLarger(context, "kapso:webhook on /hook", LIMIT)).isTrue();
        assertThat(ServerBodyLimit.warnIfLarger(context, "kapso:webhook on /hook", Integer.MAX_VALUE)).isTrue();
    }

    @Test
    void theConsumerIsQuietOnASafeServer() throws Exception {
        start(new KapsoHttpServer(KapsoHttpServer.configuration("127.0.0.1", 0)));
        assertThat(ServerBodyLimit.warnIfLarger(context, "kapso:webhook on /hook", LIMIT)).isFalse();
        assertThat(ServerBodyLimit.warnIfLarger(context, "kapso:webhook on /hook", LIMIT - 1)).isTrue();
    }

    @Test
    void anIdleHalfOpenConnectionIsClosed() throws Exception {
        VertxPlatformHttpServer server = start(new KapsoHttpServer(KapsoHttpServer.configuration("127.0.0.1", 0),
                Duration.ofMillis(300)));
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("POST /kapso/webhooks HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            int read = socket.getInputStream().read();
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(read).as("the server closes the connection").isEqualTo(-1);
            assertThat(waitedMillis).isBetween(200L, 5_000L);
        }
    }

    @Test
    void aBadIdleTimeoutFailsAtConstruction() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new KapsoHttpServer(KapsoHttpServer.configuration("127.0.0.1", 0), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleTimeout");
    }

    /** Camel's defaults: no body limit. */
    private static VertxPlatformHttpServerConfiguration unlimited() {
        VertxPlatformHttpServerConfiguration unlimited = new VertxPlatformHttpServerConfiguration();
        unlimited.setBindHost("127.0.0.1");
        unlimited.setBindPort(0);
        return unlimited;
    }

    private VertxPlatformHttpServer start(VertxPlatformHttpServer server) throws Exception {
        context = new DefaultCamelContext();
        context.addService(server);
        KapsoComponent kapso = new KapsoComponent();
        kapso.getConfiguration().setApiKey("test-key-limits");
        context.addComponent("kapso", kapso);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:webhook?webhookSecret=whsec-limits-1").to("mock:events");
            }
        });
        context.start();
        return server;
    }

    private record Attack(List<String> statusLines, long heapGrowth) {
    }

    /** {@value #ATTACKERS} connections each stream an unsigned chunked body of 16 MiB; the peak heap is read back. */
    private static Attack attack(int port) throws Exception {
        postWithLength(port, 1024);
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        ExecutorService clients = Executors.newFixedThreadPool(ATTACKERS);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < ATTACKERS; i++) {
                answers.add(clients.submit(() -> postChunked(port, ATTACK_BODY)));
            }
            List<String> lines = new ArrayList<>();
            for (Future<String> answer : answers) {
                lines.add(answer.get(60, TimeUnit.SECONDS));
            }
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf("attack of %d x %d bytes: heap grew %d bytes at peak%n", ATTACKERS, ATTACK_BODY, peak - before);
            return new Attack(lines, peak - before);
        } finally {
            clients.shutdownNow();
        }
    }

    private static String postWithLength(int port, int length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /kapso/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            InputStream in = socket.getInputStream();
            for (int sent = 0; sent < length && in.available() == 0; sent += chunk.length) {
                if (!write(out, chunk, 0, Math.min(chunk.length, length - sent))) {
                    break;
                }
            }
            return statusLine(in);
        }
    }

    private static String postChunked(int port, int length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /kapso/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
            InputStream in = socket.getInputStream();
            for (int sent = 0; sent < length && in.available() == 0; sent += chunk.length) {
                if (!write(out, header, 0, header.length) || !write(out, chunk, 0, chunk.length) || !write(out, crlf, 0, 2)) {
                    break;
                }
            }
            write(out, "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0, 5);
            return statusLine(in);
        }
    }

    /** False once the server has closed the connection: it may answer and close before the body ends. */
    private static boolean write(OutputStream out, byte[] bytes, int offset, int length) {
        try {
            out.write(bytes, offset, length);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The answer's status line; the rest of the answer is read too, so that closing does not reset the connection. */
    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\r' && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        byte[] rest = new byte[512];
        try {
            while (in.available() > 0 && in.read(rest) > 0) {
                // drained
            }
        } catch (IOException e) {
            // the server may already have closed the connection
        }
        return line.toString();
    }
}
