package io.github.camelkapso.consumer.flows.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelkapso.consumer.flows.FlowsTestKeys;
import io.github.camelkapso.consumer.flows.crypto.PemPrivateKeyReader.ParsedKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PemPrivateKeyReaderTest {

    private static final KeyPair PAIR = FlowsTestKeys.BUSINESS;

    @TempDir
    Path dir;

    @Test
    void readsPkcs8() {
        ParsedKey key = PemPrivateKeyReader.read(FlowsTestKeys.pkcs8Pem(PAIR.getPrivate()), null);

        assertThat(key.key()).isEqualTo(PAIR.getPrivate());
        assertThat(key.format()).isEqualTo("PKCS#8");
        assertThat(key.bits()).isEqualTo(2048);
        assertThat(key.encrypted()).isFalse();
    }

    @Test
    void readsPkcs1ByWrappingItIntoTheSamePkcs8TheJdkWrites() {
        ParsedKey key = PemPrivateKeyReader.read(FlowsTestKeys.pkcs1Pem(PAIR.getPrivate()), null);

        assertThat(key.key()).isEqualTo(PAIR.getPrivate());
        assertThat(key.format()).isEqualTo("PKCS#1");
        assertThat(PemPrivateKeyReader.wrapPkcs1(FlowsTestKeys.pkcs1(PAIR.getPrivate()))).isEqualTo(PAIR.getPrivate().getEncoded());
    }

    @Test
    void wrapsShortAndLongDerLengths() {
        // lengths under 128 take one byte, up to 255 two (0x81 nn), beyond that three (0x82 nn nn)
        for (int length : new int[] { 5, 127, 128, 255, 256, 70_000 }) {
            byte[] wrapped = PemPrivateKeyReader.wrapPkcs1(new byte[length]);
            int contentLength = 3 + 15 + (length < 128 ? 2 : length < 256 ? 3 : length < 65_536 ? 4 : 5) + length;
            int header = contentLength < 128 ? 2 : contentLength < 256 ? 3 : contentLength < 65_536 ? 4 : 5;
            assertThat(wrapped).hasSize(header + contentLength);
        }
    }

    @Test
    void readsEncryptedPkcs8WithThePassphrase() {
        String pem = FlowsTestKeys.encryptedPkcs8Pem(PAIR.getPrivate(), "s3cret pass");

        ParsedKey key = PemPrivateKeyReader.read(pem, "s3cret pass".toCharArray());

        assertThat(key.key()).isEqualTo(PAIR.getPrivate());
        assertThat(key.encrypted()).isTrue();
        assertThat(key.format()).startsWith("encrypted PKCS#8 (PBEWithHmacSHA256AndAES_256");
        assertThat(key.toString()).doesNotContain(Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded()).substring(0, 40));
    }

    @Test
    void aWrongPassphraseSaysSo() {
        String pem = FlowsTestKeys.encryptedPkcs8Pem(PAIR.getPrivate(), "s3cret pass");

        assertThatThrownBy(() -> PemPrivateKeyReader.read(pem, "guess".toCharArray()))
                .isInstanceOf(FlowsPrivateKeyException.class)
                .hasMessageContaining("wrong flowsPrivateKeyPassphrase")
                .hasMessageNotContaining("guess");
    }

    @Test
    void findsTheKeyAmongOtherBlocks() {
        String pem = "subject=CN=test\n" + FlowsTestKeys.pem("CERTIFICATE", new byte[] { 1, 2, 3 })
                     + FlowsTestKeys.pkcs8Pem(PAIR.getPrivate());

        assertThat(PemPrivateKeyReader.read(pem, null).key()).isEqualTo(PAIR.getPrivate());
    }

    @Test
    void rejectsWhatItCannotUseWithTheReasonAndTheFix() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        String ecPem = FlowsTestKeys.pem("PRIVATE KEY", ec.generateKeyPair().getPrivate().getEncoded());
        String legacyEncrypted = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\nAAAA\n"
                                 + "-----END RSA PRIVATE KEY-----\n";

        assertThatThrownBy(() -> PemPrivateKeyReader.read(ecPem, null)).hasMessageContaining("not an RSA private key");
        assertThatThrownBy(() -> PemPrivateKeyReader.read(FlowsTestKeys.pem("EC PRIVATE KEY", new byte[] { 1 }), null))
                .hasMessageContaining("needs an RSA key");
        assertThatThrownBy(() -> PemPrivateKeyReader.read(legacyEncrypted, "x".toCharArray()))
                .hasMessageContaining("openssl pkcs8 -topk8");
        assertThatThrownBy(() -> PemPrivateKeyReader.read("-----BEGIN PRIVATE KEY-----\nMII E+/ %%\n-----END PRIVATE KEY-----", null))
                .hasMessageContaining("not valid base64").hasMessageContaining("RAW(");
        assertThatThrownBy(() -> PemPrivateKeyReader.read("   ", null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> PemPrivateKeyReader.read("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", null))
                .hasMessageContaining("not PEM").hasMessageNotContaining("MIIEvQ");
        assertThatThrownBy(() -> PemPrivateKeyReader.read(FlowsTestKeys.encryptedPkcs8Pem(PAIR.getPrivate(), "p"), null))
                .hasMessageContaining("set flowsPrivateKeyPassphrase");
    }

    /** Keys written by OpenSSL itself, the way a user makes them (skipped where openssl is not installed). */
    @Test
    void readsKeysWrittenByOpenssl() throws Exception {
        assumeTrue(run("openssl", "version") == 0, "openssl is not installed");
        Path plain = dir.resolve("plain.pem");
        Path encrypted = dir.resolve("encrypted.pem");
        Path pkcs1 = dir.resolve("pkcs1.pem");
        Path legacy = dir.resolve("legacy.pem");
        Path publicKey = dir.resolve("public.pem");
        assertThat(run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", plain.toString()))
                .isZero();
        assertThat(run("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", plain.toString(), "-out",
                encrypted.toString(), "-passout", "pass:open sesame")).isZero();
        assertThat(run("openssl", "rsa", "-in", plain.toString(), "-traditional", "-out", pkcs1.toString())).isZero();
        assertThat(run("openssl", "rsa", "-in", plain.toString(), "-traditional", "-aes256", "-passout", "pass:x", "-out",
                legacy.toString())).isZero();
        assertThat(run("openssl", "rsa", "-in", plain.toString(), "-pubout", "-out", publicKey.toString())).isZero();
        PublicKey expectedPublic = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(Files.readString(publicKey).replaceAll("-----[^-]+-----", ""))));

        ParsedKey fromPkcs8 = PemPrivateKeyReader.read(Files.readString(plain), null);
        ParsedKey fromEncrypted = PemPrivateKeyReader.read(Files.readString(encrypted), "open sesame".toCharArray());
        ParsedKey fromPkcs1 = PemPrivateKeyReader.read(Files.readString(pkcs1), null);

        assertThat(Files.readString(pkcs1)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(fromEncrypted.key()).isEqualTo(fromPkcs8.key());
        assertThat(fromPkcs1.key()).isEqualTo(fromPkcs8.key());
        assertThat(((RSAPrivateCrtKey) fromPkcs8.key()).getModulus())
                .isEqualTo(((RSAPublicKey) expectedPublic).getModulus());
        assertThatThrownBy(() -> PemPrivateKeyReader.read(Files.readString(encrypted), "wrong".toCharArray()))
                .hasMessageContaining("wrong flowsPrivateKeyPassphrase");
        assertThatThrownBy(() -> PemPrivateKeyReader.read(Files.readString(legacy), "x".toCharArray()))
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    private static int run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
