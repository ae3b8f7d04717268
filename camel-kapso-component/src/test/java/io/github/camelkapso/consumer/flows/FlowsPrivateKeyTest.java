package io.github.camelkapso.consumer.flows;

import java.io.PrintWriter;
import java.net.URI;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.support.CapturedLog;
import io.github.camelkapso.consumer.flows.crypto.FlowsPrivateKeyException;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import io.github.camelkapso.support.PlatformHttpTestServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The business key loads from every supported PEM form and source; a missing or undecryptable key stops the route from
 * starting with a message that says why; the key, its passphrase and the app secret never show in logs, messages or
 * toString.
 */
class FlowsPrivateKeyTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String APP_SECRET = "app-secret-0d9e8f7a";
    private static final String INIT = "{\"version\":\"3.0\",\"action\":\"INIT\",\"flow_token\":\"tok\"}";

    @TempDir
    Path dir;

    private CamelContext context;
    private VertxPlatformHttpServer server;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    /** Starts a context serving the given kapso:flowsDataEndpoint URI (options after the '?'). */
    private void start(String options) throws Exception {
        context = new DefaultCamelContext();
        server = PlatformHttpTestServer.addTo(context);
        context.addComponent("kapso", new KapsoComponent());
        context.getPropertiesComponent().addInitialProperty("flows.passphrase", PASSPHRASE);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:flowsDataEndpoint?" + options).routeId("flows")
                        .setBody(constant(Map.of("screen", "WELCOME", "data", Map.of())));
            }
        });
        context.start();
    }

    private WhatsAppFlowsClient client(KeyPair pair) {
        return new WhatsAppFlowsClient(URI.create("http://localhost:" + server.getServer().actualPort()
                                                           + KapsoFlowsDataEndpointConsumer.DEFAULT_PATH),
                pair.getPublic());
    }

    private void assertServes(KeyPair pair) {
        WhatsAppFlowsClient.Answer answer = client(pair).exchange(INIT);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.decrypted().get("screen").asText()).isEqualTo("WELCOME");
    }

    @Test
    void anEncryptedPkcs8KeyLoadsWithItsPassphrase() throws Exception {
        KeyPair pair = FlowsTestKeys.generate();
        String pem = FlowsTestKeys.encryptedPkcs8Pem(pair.getPrivate(), PASSPHRASE);

        start("flowsPrivateKey=RAW(" + pem + ")&flowsPrivateKeyPassphrase={{flows.passphrase}}");

        assertServes(pair);
    }

    @Test
    void aPkcs1KeyLoads() throws Exception {
        KeyPair pair = FlowsTestKeys.generate();

        start("flowsPrivateKey=RAW(" + FlowsTestKeys.pkcs1Pem(pair.getPrivate()) + ")");

        assertServes(pair);
    }

    @Test
    void aKeyFileLoadsByPathOrFileUri() throws Exception {
        KeyPair pair = FlowsTestKeys.generate();
        Path file = dir.resolve("flows-key.pem");
        Files.writeString(file, FlowsTestKeys.encryptedPkcs8Pem(pair.getPrivate(), PASSPHRASE));

        start("flowsPrivateKeyFile=" + file + "&flowsPrivateKeyPassphrase=RAW(" + PASSPHRASE + ")");
        assertServes(pair);
        context.stop();

        start("flowsPrivateKeyFile=file:" + file + "&flowsPrivateKeyPassphrase=RAW(" + PASSPHRASE + ")");
        assertServes(pair);
    }

    @Test
    void aWrongPassphraseFailsTheStartWithAClearMessageWithoutKeyMaterial() {
        KeyPair pair = FlowsTestKeys.generate();
        String pem = FlowsTestKeys.encryptedPkcs8Pem(pair.getPrivate(), PASSPHRASE);
        String plainPem = FlowsTestKeys.pkcs8Pem(pair.getPrivate());

        try (CapturedLog log = new CapturedLog()) {
            assertThatThrownBy(() -> start("flowsPrivateKey=RAW(" + pem + ")&flowsPrivateKeyPassphrase=RAW(not-it)"))
                    .satisfies(e -> {
                        String all = everything(e);
                        assertThat(all).contains("wrong flowsPrivateKeyPassphrase");
                        assertThat(rootCause(e)).isInstanceOf(FlowsPrivateKeyException.class);
                        assertNoSecret(all, pem, plainPem, "not-it");
                    });
            assertThat(log.text()).contains("wrong flowsPrivateKeyPassphrase");
            assertNoSecret(log.text(), pem, plainPem, "not-it");
        }
    }

    @Test
    void anEncryptedKeyWithoutPassphraseSaysSo() {
        String pem = FlowsTestKeys.encryptedPkcs8Pem(FlowsTestKeys.generate().getPrivate(), PASSPHRASE);

        assertThatThrownBy(() -> start("flowsPrivateKey=RAW(" + pem + ")"))
                .satisfies(e -> assertThat(everything(e)).contains("set flowsPrivateKeyPassphrase"));
    }

    @Test
    void noKeyAtAllSaysWhichOptionToSet() {
        assertThatThrownBy(() -> start("path=/flows"))
                .satisfies(e -> assertThat(everything(e)).contains("flowsPrivateKey").contains("flowsPrivateKeyFile"));
    }

    @Test
    void aMissingKeyFileIsNamed() {
        Path missing = dir.resolve("nope.pem");

        assertThatThrownBy(() -> start("flowsPrivateKeyFile=" + missing))
                .satisfies(e -> assertThat(everything(e)).contains("cannot read flowsPrivateKeyFile").contains("nope.pem"));
    }

    @Test
    void textThatIsNotAKeyIsRejectedWithoutEchoingIt() {
        String notAKey = "-----BEGIN CERTIFICATE-----\nTUlJQ2VydGlmaWNhdGVCb2R5U2VjcmV0\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> start("flowsPrivateKey=RAW(" + notAKey + ")"))
                .satisfies(e -> assertThat(everything(e)).contains("no private key (found CERTIFICATE)")
                        .doesNotContain("TUlJQ2VydGlmaWNhdGVCb2R5U2VjcmV0"));
    }

    @Test
    void theKeyPassphraseAndAppSecretAreNeverLoggedNorShown() throws Exception {
        KeyPair pair = FlowsTestKeys.generate();
        String pem = FlowsTestKeys.encryptedPkcs8Pem(pair.getPrivate(), PASSPHRASE);
        String plainPem = FlowsTestKeys.pkcs8Pem(pair.getPrivate());
        List<String> seen = new ArrayList<>();

        try (CapturedLog log = new CapturedLog()) {
            start("flowsPrivateKey=RAW(" + pem + ")&flowsPrivateKeyPassphrase=RAW(" + PASSPHRASE + ")&flowsAppSecret="
                  + APP_SECRET);
            WhatsAppFlowsClient client = client(pair).signingWith(APP_SECRET);
            assertThat(client.exchange(INIT).status()).isEqualTo(200);
            assertThat(client(pair).signingWith("wrong").exchange(INIT).status()).isEqualTo(432);
            assertThat(client(FlowsTestKeys.OTHER).signingWith(APP_SECRET).exchange(INIT).status()).isEqualTo(421);
            assertThat(client(pair).exchange("{\"action\":\"ping\"}").status()).isEqualTo(432);

            Endpoint endpoint = context.getRoute("flows").getEndpoint();
            seen.add(endpoint.toString());
            seen.add(((KapsoEndpoint) endpoint).getFlowsConfiguration().toString());
            seen.add(context.getRoute("flows").toString());
            seen.add(context.getRoute("flows").getConsumer().toString());
            context.getEndpoints().forEach(e -> seen.add(e.toString()));
            context.stop();
            seen.add(log.text());
        }

        assertThat(seen.get(0)).contains("flowsPrivateKey=xxxxxx");
        assertThat(seen.get(seen.size() - 1)).contains("Serving the WhatsApp Flows data endpoint")
                .contains("kapso:flowsDataEndpoint on /kapso/flows refused");
        for (String text : seen) {
            assertNoSecret(text, pem, plainPem, PASSPHRASE);
            assertThat(text).doesNotContain(APP_SECRET);
        }
    }

    private static void assertNoSecret(String text, String pem, String plainPem, String passphrase) {
        for (String line : FlowsTestKeys.base64Lines(pem)) {
            assertThat(text).doesNotContain(line);
        }
        for (String line : FlowsTestKeys.base64Lines(plainPem)) {
            assertThat(text).doesNotContain(line);
        }
        assertThat(text).doesNotContain(passphrase);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Message, toString and stack trace of a throwable and its causes. */
    private static String everything(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        StringBuilder all = new StringBuilder(out.toString());
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append('\n').append(t.getMessage()).append('\n').append(t);
        }
        return all.toString();
    }
}
